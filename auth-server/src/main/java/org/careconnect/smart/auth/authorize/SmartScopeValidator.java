package org.careconnect.smart.auth.authorize;

import java.util.function.Consumer;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ScopeSet;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * RFC 6749 §3.3 / SMART 2.2 scopes: every requested scope must follow the SMART grammar, and at
 * least one must remain after negotiation with the client's allowed scopes (an empty grant is no
 * grant), else {@code invalid_scope}. Replaces Spring's exact-string scope validator, which does
 * not know that {@code patient/*.rs} covers {@code patient/Observation.rs}.
 */
final class SmartScopeValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    ScopeSet requested;
    ScopeSet allowed;
    try {
      OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
      requested = ScopeSet.of(request.getScopes());
      allowed = ScopeSet.of(context.getRegisteredClient().getScopes());
    } catch (InvalidScopeException e) {
      throw AuthorizationErrors.redirect(
          context, new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, e.getMessage(), null));
    }
    if (requested.isEmpty()) {
      throw AuthorizationErrors.redirect(
          context,
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_SCOPE, "None of the requested scopes is allowed for this app", null));
    }
    if (!requested.negotiate(allowed).equals(requested)) {
      throw AuthorizationErrors.redirect(
          context,
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_SCOPE, "A requested scope is not allowed for this app", null));
    }
  }
}
