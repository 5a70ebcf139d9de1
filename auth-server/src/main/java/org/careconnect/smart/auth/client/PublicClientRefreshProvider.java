package org.careconnect.smart.auth.client;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Accepts the public client named by {@link PublicClientRefreshConverter}: it has no secret to
 * check, the refresh token (checked next by the refresh grant, bound to this client) is the
 * proof. Other public-client requests (PKCE code exchange) are left to Spring's provider.
 */
final class PublicClientRefreshProvider implements AuthenticationProvider {

  private final RegisteredClientRepository clients;

  PublicClientRefreshProvider(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
    if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
        || !Boolean.TRUE.equals(
            request.getAdditionalParameters().get(PublicClientRefreshConverter.MARKER))) {
      return null;
    }
    RegisteredClient client = clients.findByClientId((String) request.getPrincipal());
    if (client == null
        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }
    return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
