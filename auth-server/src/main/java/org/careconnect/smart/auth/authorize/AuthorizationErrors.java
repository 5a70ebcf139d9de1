package org.careconnect.smart.auth.authorize;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * RFC 6749 §4.1.2.1: once the client and its redirect URI are known good, errors go back to the
 * app as a redirect (error, error_description, state); the endpoint filter does the redirect when
 * the exception carries a redirect URI.
 */
final class AuthorizationErrors {

  private AuthorizationErrors() {}

  static OAuth2AuthorizationCodeRequestAuthenticationException redirect(
      OAuth2AuthorizationCodeRequestAuthenticationContext context, OAuth2Error error) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    String redirectUri =
        StringUtils.hasText(request.getRedirectUri())
            ? request.getRedirectUri()
            : context.getRegisteredClient().getRedirectUris().iterator().next();
    OAuth2AuthorizationCodeRequestAuthenticationToken result =
        new OAuth2AuthorizationCodeRequestAuthenticationToken(
            request.getAuthorizationUri(),
            request.getClientId(),
            (Authentication) request.getPrincipal(),
            redirectUri,
            request.getState(),
            request.getScopes(),
            request.getAdditionalParameters());
    return new OAuth2AuthorizationCodeRequestAuthenticationException(error, result);
  }
}
