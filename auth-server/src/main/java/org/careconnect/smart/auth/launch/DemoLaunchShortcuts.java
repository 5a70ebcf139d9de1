package org.careconnect.smart.auth.launch;

import java.time.Clock;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.stereotype.Component;

/**
 * The launcher's demo shortcuts, {@code skip_login} and {@code skip_consent}, for an EHR launch
 * registered with them (demo profile only, for a demo user, never an administrator: {@link
 * DemoLaunchRules}). Both act only in the authorization request of the launch's own client that
 * uses the launch, which happens once.
 */
@Component
public class DemoLaunchShortcuts {

  private final LaunchStore store;
  private final DemoLaunchRules rules;
  private final Clock clock;

  DemoLaunchShortcuts(LaunchStore store, DemoLaunchRules rules, Clock clock) {
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * Adds the skip_login step to the chain holding the authorization endpoint: before Spring
   * Authorization Server's endpoint filters (at AbstractPreAuthenticatedProcessingFilter), so the
   * request it signs in is processed as the launch's user.
   */
  public void addTo(HttpSecurity http) {
    http.addFilterBefore(
        new DemoLaunchSignIn(store, rules, clock), AbstractPreAuthenticatedProcessingFilter.class);
  }

  /**
   * skip_consent: true when this authorization request is the one that has just used (in {@link
   * EhrLaunchValidator}) a launch registered with skip_consent, by its own client, for the demo
   * user who is signed in. The requested scopes, already narrowed to the client's, are granted.
   */
  public boolean skipsConsent(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    if (!rules.launchShortcutsEnabled()) {
      return false;
    }
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    if (!request.getScopes().contains(EhrLaunchValidator.LAUNCH_SCOPE)
        || !(request.getAdditionalParameters().get(EhrLaunchValidator.LAUNCH_PARAMETER)
            instanceof String launchId)
        || !(request.getPrincipal() instanceof Authentication user)) {
      return false;
    }
    return store
        .find(launchId)
        .filter(launch -> launch.demo().skipConsent())
        .filter(launch -> launch.clientId().equals(context.getRegisteredClient().getClientId()))
        .filter(launch -> user.getName().equals(launch.usedBy()))
        .flatMap(launch -> rules.shortcutUser(launch.user()))
        .filter(demoUser -> demoUser.getUsername().equals(user.getName()))
        .isPresent();
  }
}
