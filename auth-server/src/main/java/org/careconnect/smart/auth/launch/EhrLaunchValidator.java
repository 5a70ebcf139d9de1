package org.careconnect.smart.auth.launch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.careconnect.smart.auth.authorize.AuthorizationErrors;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

/**
 * Checks the {@code launch} parameter of an authorization request (SMART App Launch 2.2 §EHR
 * launch: the app passes the EHR's launch id back with scope {@code launch}). Chained after Spring
 * Authorization Server's own validator, so client and redirect URI are already known good and a
 * refusal is an error redirect ({@code invalid_request}, RFC 6749 §4.1.2.1) without a code.
 *
 * <p>The authorize endpoint is passed twice: before login (the launch is only checked, so a bad
 * one fails fast) and after login, when the launch is marked used in one conditional UPDATE; a
 * second request with the same id, even a concurrent one, is refused. {@link EhrLaunchContexts}
 * later reads the context of the launch this user used into the authorization.
 */
public class EhrLaunchValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  static final String LAUNCH_SCOPE = "launch";
  static final String LAUNCH_PARAMETER = "launch";

  static final String INVALID_SCOPE_DESCRIPTION =
      "the requested scope is invalid (simulated error of this demo launch)";
  /** Spring Authorization Server's own description and URI for a missing code_challenge. */
  static final String MISSING_PKCE_DESCRIPTION = "OAuth 2.0 Parameter: code_challenge";
  static final String PKCE_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1";

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final LaunchStore store;
  private final UserAccounts users;
  private final Clock clock;
  private final DemoLaunchRules demo;

  EhrLaunchValidator(LaunchStore store, UserAccounts users, Clock clock, DemoLaunchRules demo) {
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.demo = demo;
  }

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    if (!request.getScopes().contains(LAUNCH_SCOPE)) {
      return; // a launch parameter without the launch scope asks for nothing
    }
    RegisteredClient client = context.getRegisteredClient();
    Object launchParameter = request.getAdditionalParameters().get(LAUNCH_PARAMETER);
    if (!(launchParameter instanceof String launchId) || !StringUtils.hasText(launchId)) {
      throw refusal("scope launch requires the launch parameter of an EHR launch", context);
    }
    Instant now = clock.instant();
    EhrLaunch launch =
        store
            .find(launchId)
            .orElseThrow(() -> refusal("launch is not a known EHR launch", context));
    if (!launch.clientId().equals(client.getClientId())) {
      throw refusal("launch was registered for another client", context);
    }
    if (launch.expiredAt(now)) {
      throw refusal("launch has expired", context);
    }
    if (launch.used()) {
      throw refusal("launch has already been used", context);
    }
    simulateError(launch, context);
    Authentication user = (Authentication) request.getPrincipal();
    if (user == null || TRUST.isAnonymous(user) || !user.isAuthenticated()) {
      return; // checked; used once the user has logged in
    }
    if (launch.user() != null && !isLaunchUser(launch.user(), user.getName())) {
      throw refusal("launch was registered for another user", context);
    }
    if (!store.markUsed(launchId, client.getClientId(), user.getName(), now)) {
      throw refusal("launch has already been used", context);
    }
  }

  /**
   * Demo launches only ({@link DemoLaunchRules}): the authorization-request errors a launch may
   * simulate, answered before login as a real one would be. Missing PKCE gets exactly what Spring
   * Authorization Server answers a client that must use PKCE and sent no code_challenge.
   */
  private void simulateError(
      EhrLaunch launch, OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    if (!demo.simulatedErrorsEnabled()) {
      return;
    }
    if (launch.demo().simulates(SimulatedError.INVALID_SCOPE)) {
      throw AuthorizationErrors.redirect(
          context, new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, INVALID_SCOPE_DESCRIPTION, null));
    }
    if (launch.demo().simulates(SimulatedError.MISSING_PKCE)) {
      throw AuthorizationErrors.redirect(
          context,
          new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, MISSING_PKCE_DESCRIPTION, PKCE_ERROR_URI));
    }
  }

  /** The launch names its user by username or by fhirUser reference. */
  private boolean isLaunchUser(String launchUser, String username) {
    Optional<String> fhirUser = users.fhirUser(username);
    return launchUser.equals(username) || fhirUser.filter(launchUser::equals).isPresent();
  }

  /** An {@code invalid_request} error redirect to the app, naming the problem. */
  private static OAuth2AuthorizationCodeRequestAuthenticationException refusal(
      String description, OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    return AuthorizationErrors.redirect(
        context, new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
  }
}
