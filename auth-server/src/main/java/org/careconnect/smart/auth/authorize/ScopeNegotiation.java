package org.careconnect.smart.auth.authorize;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ScopeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Narrows the requested scopes to those the client is allowed (SMART 2.2: the server may grant
 * fewer scopes than requested), with SMART meaning: a client allowed {@code patient/*.rs} may
 * be granted {@code patient/Observation.rs}. Runs as the authorization request converter, so
 * the consent page, the stored request and the tokens all see the negotiated set. Scopes only
 * administrators get ({@link AdminOnlyScopes}) are dropped for other users here. A request
 * whose scopes do not parse is left as it is, for {@link SmartScopeValidator} to refuse.
 */
final class ScopeNegotiation implements AuthenticationConverter {

  private final AuthenticationConverter delegate;
  private final RegisteredClientRepository clients;

  ScopeNegotiation(AuthenticationConverter delegate, RegisteredClientRepository clients) {
    this.delegate = delegate;
    this.clients = clients;
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication converted = delegate.convert(request);
    if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorization)) {
      return converted;
    }
    RegisteredClient client = clients.findByClientId(authorization.getClientId());
    if (client == null) {
      return converted;
    }
    ScopeSet negotiated;
    try {
      negotiated = AdminOnlyScopes.forUser(
          ScopeSet.of(authorization.getScopes()).negotiate(ScopeSet.of(client.getScopes())),
          authorization.getPrincipal());
    } catch (InvalidScopeException e) {
      return converted;
    }
    return new OAuth2AuthorizationCodeRequestAuthenticationToken(
        authorization.getAuthorizationUri(),
        authorization.getClientId(),
        (Authentication) authorization.getPrincipal(),
        authorization.getRedirectUri(),
        authorization.getState(),
        new LinkedHashSet<>(negotiated.values()),
        authorization.getAdditionalParameters());
  }
}
