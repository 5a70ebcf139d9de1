package org.careconnect.smart.auth.client;

import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;

/**
 * Authenticates clients by {@code private_key_jwt} (RFC 7523 §2.2, SMART 2.2
 * "client-confidential-asymmetric") through SAS's {@link JwtClientAssertionAuthenticationProvider}
 * (which also checks a confidential client's PKCE verifier), configured with our {@link
 * ClientAssertionDecoderFactory}.
 *
 * <p>SAS answers every refusal with the same {@code "Client authentication failed:
 * client_assertion"}; this provider names the rule instead ("aud must be the token endpoint
 * URL ...", "jti was already used"), so a client developer can fix their assertion. The
 * descriptions never reveal keys or other clients.
 */
final class ClientAssertionAuthenticationProvider implements AuthenticationProvider {

  private static final ClientAuthenticationMethod JWT_BEARER =
      new ClientAuthenticationMethod(ClientAssertionConverter.JWT_BEARER);

  private final JwtClientAssertionAuthenticationProvider delegate;

  ClientAssertionAuthenticationProvider(JwtClientAssertionAuthenticationProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2ClientAuthenticationToken ours = (OAuth2ClientAuthenticationToken) authentication;
    if (!ClientAssertionConverter.METHOD.equals(ours.getClientAuthenticationMethod())) {
      return null;
    }
    OAuth2ClientAuthenticationToken standard =
        new OAuth2ClientAuthenticationToken(
            (String) ours.getPrincipal(), JWT_BEARER, ours.getCredentials(), ours.getAdditionalParameters());
    try {
      OAuth2ClientAuthenticationToken authenticated =
          (OAuth2ClientAuthenticationToken) delegate.authenticate(standard);
      // SAS names the method after the client's signing-algorithm setting (client_secret_jwt
      // when unset); this provider verifies private keys only.
      return new OAuth2ClientAuthenticationToken(
          authenticated.getRegisteredClient(),
          ClientAuthenticationMethod.PRIVATE_KEY_JWT,
          authenticated.getCredentials());
    } catch (OAuth2AuthenticationException e) {
      throw described(e);
    }
  }

  private static OAuth2AuthenticationException described(OAuth2AuthenticationException e) {
    if (!OAuth2ErrorCodes.INVALID_CLIENT.equals(e.getError().getErrorCode())) {
      return e; // e.g. invalid_grant for a wrong PKCE code_verifier: not an assertion problem
    }
    Throwable cause = e.getCause();
    String rule;
    if (cause instanceof JwtValidationException invalid) {
      rule =
          invalid.getErrors().stream()
              .map(OAuth2Error::getDescription)
              .collect(Collectors.joining("; "));
    } else if (cause instanceof BadJwtException) {
      rule =
          "the signature is not verified by a key of the client"
              + " (accepted algorithms: RS384, ES384, RS256)";
    } else if (cause != null) {
      rule = keySourceProblem(cause);
    } else {
      rule = null;
    }
    OAuth2Error error = e.getError();
    String description =
        rule == null ? error.getDescription() : "Client authentication failed: " + rule;
    return new OAuth2AuthenticationException(
        new OAuth2Error(error.getErrorCode(), description, ClientAssertionValidator.ERROR_URI), e);
  }

  /** A JWK Set that could not be fetched: say why, as RemoteJwkSets words it. */
  private static String keySourceProblem(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof RemoteJwkSets.JwksUnavailableException unavailable) {
        return "the client's keys could not be fetched: " + unavailable.getMessage();
      }
    }
    return "the client assertion could not be verified";
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
