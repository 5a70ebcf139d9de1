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
 * Accepts the public client named by {@link PublicClientRefreshConverter} or {@link
 * PublicClientRevocationConverter}: it has no secret to check; the refresh token or the token to
 * revoke, which the grant or revocation then checks is bound to this client, is the proof. Other
 * public-client requests (PKCE code exchange) are left to Spring's provider.
 */
final class PublicClientProvider implements AuthenticationProvider {

  /** Marks a client authentication request made by one of our two converters. */
  static final String PUBLIC_CLIENT_NAMED = "careconnect.public_client_named";

  private final RegisteredClientRepository clients;

  PublicClientProvider(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
    if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
        || !Boolean.TRUE.equals(
            request.getAdditionalParameters().get(PUBLIC_CLIENT_NAMED))) {
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
