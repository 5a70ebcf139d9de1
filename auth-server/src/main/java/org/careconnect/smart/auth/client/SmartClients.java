package org.careconnect.smart.auth.client;

import java.util.Collection;
import java.util.UUID;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Builds SMART app registrations with this server's rules: PKCE S256 required of public clients
 * (RFC 7636, SMART 2.2), consent asked, refresh tokens rotated on every use, lifetimes from
 * configuration. Used by the demo profile, and meant for the admin API and dynamic registration.
 */
@Component
public class SmartClients {

  private final AuthServerProperties properties;

  SmartClients(AuthServerProperties properties) {
    this.properties = properties;
  }

  /** A browser or native app without a secret: authenticates with PKCE only. */
  public RegisteredClient publicApp(
      String clientId, String name, Collection<String> redirectUris, Collection<String> scopes) {
    return app(clientId, name, redirectUris, scopes)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .clientSettings(
            ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
        .build();
  }

  /** An app with a server side holding a secret; hashedSecret carries its encoder prefix. */
  public RegisteredClient confidentialApp(
      String clientId,
      String name,
      String hashedSecret,
      Collection<String> redirectUris,
      Collection<String> scopes) {
    return app(clientId, name, redirectUris, scopes)
        .clientSecret(hashedSecret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build())
        .build();
  }

  private RegisteredClient.Builder app(
      String clientId, String name, Collection<String> redirectUris, Collection<String> scopes) {
    return RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(clientId)
        .clientName(name)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUris(uris -> uris.addAll(redirectUris))
        .scopes(s -> s.addAll(scopes))
        .tokenSettings(tokenSettings());
  }

  private TokenSettings tokenSettings() {
    AuthServerProperties.Tokens tokens = properties.tokens();
    return TokenSettings.builder()
        .accessTokenTimeToLive(tokens.accessTokenLifetime())
        .refreshTokenTimeToLive(tokens.refreshTokenLifetime())
        .authorizationCodeTimeToLive(tokens.authorizationCodeLifetime())
        .reuseRefreshTokens(false)
        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
        .build();
  }
}
