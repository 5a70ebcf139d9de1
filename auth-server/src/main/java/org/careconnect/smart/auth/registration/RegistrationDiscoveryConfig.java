package org.careconnect.smart.auth.registration;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;

/**
 * What Spring's discovery documents ({@code /.well-known/openid-configuration}, OpenID Connect
 * Discovery §3; {@code /.well-known/oauth-authorization-server}, RFC 8414 §2) say about clients:
 * the registration endpoint (RFC 7591), and the client authentication methods and assertion
 * algorithms this server really accepts. Spring's defaults list {@code client_secret_jwt} and
 * the TLS methods, which are not supported here, and no registration endpoint.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationDiscoveryConfig {

  static final List<String> AUTH_METHODS =
      List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
  static final List<String> ASSERTION_ALGORITHMS = List.of("RS384", "ES384", "RS256");

  @Bean
  @Order(30)
  Customizer<OAuth2AuthorizationServerConfigurer> registrationDiscovery(AuthServerProperties server) {
    Consumer<Map<String, Object>> clients = clientMetadata(server.issuer() + ClientRegistrationController.PATH);
    return as ->
        as.authorizationServerMetadataEndpoint(
                metadata -> metadata.authorizationServerMetadataCustomizer(b -> b.claims(clients)))
            .oidc(
                oidc ->
                    oidc.providerConfigurationEndpoint(
                        provider -> provider.providerConfigurationCustomizer(b -> b.claims(clients))));
  }

  private static Consumer<Map<String, Object>> clientMetadata(String registrationEndpoint) {
    return claims -> {
      claims.put("registration_endpoint", registrationEndpoint);
      for (String endpoint : List.of("token", "introspection", "revocation")) {
        // public clients ("none") use the token endpoint and revoke their own tokens; introspection
        // is for authenticated callers only
        claims.put(
            endpoint + "_endpoint_auth_methods_supported",
            endpoint.equals("introspection") ? AUTH_METHODS.subList(0, 3) : AUTH_METHODS);
        claims.put(endpoint + "_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
      }
    };
  }
}
