package org.careconnect.smart.auth.client;

import java.time.Clock;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Asymmetric client authentication ({@code private_key_jwt}, RFC 7523, SMART
 * "client-confidential-asymmetric") and SMART backend services ({@code client_credentials} with
 * {@code system/} scopes), contributed to the authorisation server chain as one extension.
 *
 * <p>Only additive SAS hooks are used (an extra converter and provider for client
 * authentication, an extra token request converter, a token generator in front of the SMART one),
 * plus the client_credentials provider's scope validator, so the other packages' customizers
 * keep working.
 */
@Configuration(proxyBeanMethods = false)
class AsymmetricClientConfig {

  private static final Logger log = LoggerFactory.getLogger(AsymmetricClientConfig.class);

  @Bean
  OutboundUrlPolicy outboundUrlPolicy(ClientProperties properties) {
    if (!properties.urlPolicy().allowedInternalHosts().isEmpty()) {
      log.warn(
          "Client URLs (jwks_uri, logo_uri, redirect URIs over http) may point to {}"
              + " (careconnect.clients.url-policy.allowed-internal-hosts): for demos only.",
          properties.urlPolicy().allowedInternalHosts());
    }
    return new OutboundUrlPolicy(HostResolver.system(), properties.urlPolicy());
  }

  @Bean
  ReplayedAssertionStore replayedAssertionStore(JdbcTemplate jdbc, Clock clock) {
    return new ReplayedAssertionStore(jdbc, clock);
  }

  @Bean
  @Order(10)
  Customizer<OAuth2AuthorizationServerConfigurer> asymmetricClients(
      ClientProperties properties,
      AuthServerProperties server,
      OutboundUrlPolicy urlPolicy,
      ReplayedAssertionStore replays,
      RegisteredClientRepository clients,
      OAuth2AuthorizationService authorizations,
      JwtEncoder jwtEncoder,
      OAuth2TokenGenerator<? extends OAuth2Token> smartTokens,
      Clock clock) {
    JwtClientAssertionAuthenticationProvider assertions =
        new JwtClientAssertionAuthenticationProvider(clients, authorizations);
    assertions.setJwtDecoderFactory(
        new ClientAssertionDecoderFactory(
            new RemoteJwkSets(urlPolicy, properties.jwksUri(), clock),
            replays,
            properties.assertion(),
            clock));
    BackendScopePolicy scopes = new BackendScopePolicy();
    BackendTokenRequestConverter backendRequests =
        new BackendTokenRequestConverter(scopes, server.fhirBaseUrls());
    BackendTokenGenerator backendTokens =
        new BackendTokenGenerator(
            jwtEncoder,
            new BackendTokenClaims(backendRequests, properties.backend().accessTokenLifetime()));
    return as ->
        as.clientAuthentication(
                client ->
                    client
                        .authenticationConverter(new ClientAssertionConverter())
                        .authenticationProvider(new ClientAssertionAuthenticationProvider(assertions)))
            .tokenEndpoint(
                token ->
                    token
                        .accessTokenRequestConverter(backendRequests)
                        .authenticationProviders(
                            providers ->
                                providers.forEach(
                                    provider -> {
                                    if (provider
                                        instanceof OAuth2ClientCredentialsAuthenticationProvider cc) {
                                      cc.setAuthenticationValidator(scopes::checkGranted);
                                    }
                                    })))
            .tokenGenerator(new DelegatingOAuth2TokenGenerator(backendTokens, smartTokens));
  }
}
