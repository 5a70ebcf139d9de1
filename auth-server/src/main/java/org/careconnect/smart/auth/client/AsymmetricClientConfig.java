package org.careconnect.smart.auth.client;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;

/**
 * Asymmetric client authentication ({@code private_key_jwt}, RFC 7523, SMART
 * "client-confidential-asymmetric"), contributed to the authorisation server chain as an
 * extension. Only additive SAS hooks are used (an extra converter and an extra provider), so the
 * client package's other client-authentication customizer keeps working.
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
  Customizer<OAuth2AuthorizationServerConfigurer> privateKeyJwt(
      ClientProperties properties,
      OutboundUrlPolicy urlPolicy,
      ReplayedAssertionStore replays,
      RegisteredClientRepository clients,
      OAuth2AuthorizationService authorizations,
      ClientCacheProperties cache,
      Clock clock) {
    JwtClientAssertionAuthenticationProvider assertions =
        new JwtClientAssertionAuthenticationProvider(clients, authorizations);
    assertions.setJwtDecoderFactory(
        new ClientAssertionDecoderFactory(
            new RemoteJwkSets(urlPolicy, properties.jwksUri(), clock),
            replays,
            properties.assertion(),
            clock,
            cache.maxSize()));
    return as ->
        as.clientAuthentication(
            client ->
                client
                    .authenticationConverter(new ClientAssertionConverter())
                    .authenticationProvider(new ClientAssertionAuthenticationProvider(assertions)));
  }
}
