package org.careconnect.smart.auth.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.careconnect.smart.auth.launch.LaunchContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * Adds the launch context to the token response (SMART 2.2 §"Launch context arrives with your
 * access_token": patient, encounter, need_patient_banner, smart_style_url, fhirContext), on the
 * first token and on every refresh; and leaves out the ID token a refresh kept (IdTokenOnRefresh).
 */
final class LaunchContextResponse implements Consumer<OAuth2AccessTokenAuthenticationContext> {

  private final OAuth2AuthorizationService authorizations;

  LaunchContextResponse(OAuth2AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void accept(OAuth2AccessTokenAuthenticationContext context) {
    OAuth2AccessTokenAuthenticationToken result = context.getAuthentication();
    // the builder's additional parameters are replaced, not merged: start from all of them
    Map<String, Object> parameters = new LinkedHashMap<>(result.getAdditionalParameters());
    boolean changed = IdTokenOnRefresh.omitKeptIdToken(parameters);
    // a backend-only client spares the lookup of the authorization on every client_credentials request
    if (!backendOnly(result)) {
      OAuth2Authorization authorization =
          authorizations.findByToken(result.getAccessToken().getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
      if (authorization != null) {
        Map<String, Object> launch = LaunchContext.of(authorization).tokenResponseParameters();
        parameters.putAll(launch);
        changed |= !launch.isEmpty();
      }
    }
    if (changed) {
      context.getAccessTokenResponse().additionalParameters(parameters);
    }
  }

  /** A client that may only use client_credentials never has a launch context (no user). */
  private static boolean backendOnly(OAuth2AccessTokenAuthenticationToken result) {
    return result.getRegisteredClient() != null
        && result
            .getRegisteredClient()
            .getAuthorizationGrantTypes()
            .equals(java.util.Set.of(AuthorizationGrantType.CLIENT_CREDENTIALS));
  }
}
