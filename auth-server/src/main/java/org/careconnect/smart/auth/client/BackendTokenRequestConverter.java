package org.careconnect.smart.auth.client;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a {@code client_credentials} token request (RFC 6749 §4.4.2) with SAS's converter, then
 * replaces the requested scopes with the negotiated grant ({@link BackendScopePolicy}) and checks
 * the optional {@code aud} parameter: a backend client may name the FHIR base it wants a token for,
 * which must be one this deployment serves; without it the token is for the default FHIR base.
 *
 * <p>SAS's client_credentials provider grants exactly the scopes on the token it is given, so
 * negotiating here (the client is already authenticated, the client authentication filter runs
 * first) is how a narrower scope than the client's allowed one can be granted.
 */
final class BackendTokenRequestConverter implements AuthenticationConverter {

  static final String AUD = "aud";

  private final OAuth2ClientCredentialsAuthenticationConverter delegate =
      new OAuth2ClientCredentialsAuthenticationConverter();
  private final BackendScopePolicy policy;
  private final List<String> fhirBases;

  BackendTokenRequestConverter(BackendScopePolicy policy, List<String> fhirBases) {
    this.policy = policy;
    this.fhirBases = List.copyOf(fhirBases);
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    if (!(delegate.convert(request) instanceof OAuth2ClientCredentialsAuthenticationToken token)) {
      return null;
    }
    if (!(token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
        || !client.isAuthenticated()
        || client.getRegisteredClient() == null) {
      return token; // SAS's provider answers invalid_client
    }
    Map<String, Object> parameters = token.getAdditionalParameters();
    Object aud = parameters.get(AUD);
    if (aud != null && !(aud instanceof String single && fhirBases.contains(single))) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_REQUEST,
              "aud must be a FHIR base this server issues tokens for",
              "https://hl7.org/fhir/smart-app-launch/app-launch.html#request-4"));
    }
    return new OAuth2ClientCredentialsAuthenticationToken(
        client,
        policy.grant(client.getRegisteredClient(), client.getClientAuthenticationMethod(), token.getScopes()),
        parameters);
  }

  /** The FHIR base a client_credentials token is for: the {@code aud} asked for, else the default. */
  String audience(Map<String, Object> parameters) {
    return parameters.get(AUD) instanceof String aud ? aud : fhirBases.get(0);
  }
}
