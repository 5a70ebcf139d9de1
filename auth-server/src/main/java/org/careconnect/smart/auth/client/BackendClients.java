package org.careconnect.smart.auth.client;

import com.nimbusds.jose.jwk.JWKSet;
import java.util.Collection;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Builds SMART backend-services clients (SMART App Launch 2.2 §backend services): {@code
 * client_credentials} only, authenticated by {@code private_key_jwt} with the client's public keys
 * (an inline JWK Set or a {@code jwks_uri}), access tokens living the configured backend
 * lifetime. Used by the demo profile and by dynamic registration.
 */
@Component
public class BackendClients {

  private final ClientProperties properties;

  BackendClients(ClientProperties properties) {
    this.properties = properties;
  }

  /**
   * A backend client; exactly one of {@code jwks} and {@code jwksUri} is non-null.
   *
   * @param id the registered client's internal id, or null for a new one
   */
  public RegisteredClient backendService(
      String id,
      String clientId,
      String name,
      JWKSet jwks,
      String jwksUri,
      Collection<String> scopes) {
    return RegisteredClient.withId(id == null ? UUID.randomUUID().toString() : id)
        .clientId(clientId)
        .clientName(name)
        .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(s -> s.addAll(scopes))
        .clientSettings(withKeys(ClientSettings.builder(), jwks, jwksUri).build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenTimeToLive(properties.backend().accessTokenLifetime())
                .build())
        .build();
  }

  /** Adds a client's public keys to its settings: an inline JWK Set or a jwks_uri. */
  public static ClientSettings.Builder withKeys(
      ClientSettings.Builder settings, JWKSet jwks, String jwksUri) {
    if (jwks != null) {
      settings.setting(ClientKeySettings.INLINE_JWKS, jwks.toPublicJWKSet().toString());
    }
    if (jwksUri != null) {
      settings.jwkSetUrl(jwksUri);
    }
    return settings;
  }
}
