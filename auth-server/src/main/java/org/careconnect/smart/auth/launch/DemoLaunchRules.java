package org.careconnect.smart.auth.launch;

import java.util.Optional;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may register which demo launch option, and for whom the shortcuts may act. Outside the demo
 * profile every option is refused (400 {@code invalid_request}); in it, skip_login and
 * skip_consent need the launch's {@code user} to be one of {@link
 * DemoLaunchProperties#shortcutUsers()}, enabled and not an administrator, checked again when the
 * shortcut is used.
 */
@Component
class DemoLaunchRules {

  private static final String ADMIN_ROLE = "ROLE_ADMIN";

  private final DemoLaunchProperties properties;
  private final UserAccounts users;

  DemoLaunchRules(DemoLaunchProperties properties, UserAccounts users) {
    this.properties = properties;
    this.users = users;
  }

  /** The options of a launch registration, or an {@link InvalidLaunchRequestException}. */
  DemoLaunchOptions check(LaunchRequest request, String launchUser) {
    SimulatedError error = null;
    if (request.simulatedError() != null) {
      if (!properties.simulatedErrorsEnabled()) {
        throw demoOnly("simulated_error");
      }
      error =
          SimulatedError.of(request.simulatedError())
              .orElseThrow(
                  () ->
                      new InvalidLaunchRequestException(
                          "simulated_error must be one of " + SimulatedError.allowedValues()));
    }
    boolean skipLogin = Boolean.TRUE.equals(request.skipLogin());
    boolean skipConsent = Boolean.TRUE.equals(request.skipConsent());
    for (String option : shortcutsAsked(skipLogin, skipConsent)) {
      if (!properties.launchShortcutsEnabled()) {
        throw demoOnly(option);
      }
      if (launchUser == null || shortcutUser(launchUser).isEmpty()) {
        throw new InvalidLaunchRequestException(
            option + " needs user to be one of the demo users " + properties.shortcutUsers());
      }
    }
    return new DemoLaunchOptions(error, skipLogin, skipConsent);
  }

  boolean simulatedErrorsEnabled() {
    return properties.simulatedErrorsEnabled();
  }

  boolean launchShortcutsEnabled() {
    return properties.launchShortcutsEnabled();
  }

  /**
   * The demo user a launch names (by username or fhirUser), if the shortcuts may act for them:
   * listed, enabled, and never an administrator.
   */
  Optional<UserDetails> shortcutUser(String launchUser) {
    for (String username : properties.shortcutUsers()) {
      boolean named =
          username.equals(launchUser) || users.fhirUser(username).filter(launchUser::equals).isPresent();
      if (named) {
        return load(username)
            .filter(UserDetails::isEnabled)
            .filter(user -> user.getAuthorities().stream().noneMatch(a -> ADMIN_ROLE.equals(a.getAuthority())));
      }
    }
    return Optional.empty();
  }

  private Optional<UserDetails> load(String username) {
    try {
      return Optional.of(users.loadUserByUsername(username));
    } catch (UsernameNotFoundException e) {
      return Optional.empty();
    }
  }

  private static java.util.List<String> shortcutsAsked(boolean skipLogin, boolean skipConsent) {
    java.util.List<String> asked = new java.util.ArrayList<>();
    if (skipLogin) {
      asked.add("skip_login");
    }
    if (skipConsent) {
      asked.add("skip_consent");
    }
    return asked;
  }

  private static InvalidLaunchRequestException demoOnly(String field) {
    return new InvalidLaunchRequestException(
        field + " is accepted only when the authorisation server runs the demo profile");
  }
}
