package org.careconnect.smart.auth.client;

import org.careconnect.smart.auth.token.NoStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Registered clients (JDBC) and how they authenticate: none (public: with PKCE, or a refresh,
 * or a revocation naming itself), client_secret_basic and client_secret_post (secrets stored Argon2id-hashed; Spring
 * Authorization Server verifies them with the PasswordEncoder bean). private_key_jwt: see
 * AsymmetricClientConfig.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfig {

  /** SAS's JDBC repository, each client kept for a few seconds (see CachedRegisteredClients). */
  @Bean
  CachedRegisteredClients registeredClientRepository(
      JdbcTemplate jdbc, ClientCacheProperties cache) {
    return new CachedRegisteredClients(new JdbcRegisteredClientRepository(jdbc), cache);
  }

  @Bean
  Customizer<OAuth2ClientAuthenticationConfigurer> clientAuthentication(
      OAuth2AuthorizationService authorizations,
      RegisteredClientRepository clients,
      AuthorizationServerSettings settings) {
    return configurer ->
        configurer
            .authenticationConverters(
                converters -> {
                  converters.add(0, new PublicClientRefreshConverter(authorizations, clients));
                  converters.add(1, new PublicClientRevocationConverter(settings.getTokenRevocationEndpoint()));
                })
            .authenticationProviders(
                providers -> providers.add(0, new PublicClientProvider(clients)))
            .errorResponseHandler(NoStore.errors());
  }
}
