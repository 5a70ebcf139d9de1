package org.careconnect.smart.auth.client;

import java.util.List;
import java.util.function.Consumer;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * SMART backend services ({@code client_credentials} with {@code system/} scopes, SMART App Launch
 * 2.2 §backend services), contributed to the authorisation server chain as an extension: a token
 * request converter that negotiates the scopes, the client_credentials provider's scope
 * validator, and a token generator for backend tokens in front of the SMART one.
 */
@Configuration(proxyBeanMethods = false)
class BackendServicesConfig {

  @Bean
  @Order(20)
  Customizer<OAuth2AuthorizationServerConfigurer> backendServices(
      ClientProperties properties,
      AuthServerProperties server,
      JwtEncoder jwtEncoder,
      OAuth2TokenGenerator<? extends OAuth2Token> smartTokens) {
    BackendScopePolicy scopes = new BackendScopePolicy();
    BackendTokenRequestConverter requests =
        new BackendTokenRequestConverter(scopes, server.fhirBaseUrls());
    BackendTokenGenerator backendTokens =
        new BackendTokenGenerator(
            jwtEncoder, new BackendTokenClaims(requests, properties.backend().accessTokenLifetime()));
    return as ->
        as.tokenEndpoint(
                token ->
                    token
                        .accessTokenRequestConverter(requests)
                        .authenticationProviders(negotiatedScopesAccepted(scopes)))
            .tokenGenerator(new DelegatingOAuth2TokenGenerator(backendTokens, smartTokens));
  }

  /**
   * SAS's client_credentials provider wants the exact strings of the client's scopes; after
   * negotiation ({@code system/*.rs} allows {@code system/Observation.rs}) the policy checks instead.
   */
  private static Consumer<List<AuthenticationProvider>> negotiatedScopesAccepted(
      BackendScopePolicy scopes) {
    return providers ->
        providers.forEach(
            provider -> {
              if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider clientCredentials) {
                clientCredentials.setAuthenticationValidator(scopes::checkGranted);
              }
            });
  }
}
