package org.careconnect.smart.auth.token;

import java.time.Clock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.key.AccessTokenSignature;
import org.careconnect.smart.auth.launch.DemoTokenExpiry;
import org.springframework.scheduling.annotation.Scheduled;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenIntrospectionEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenRevocationEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.http.converter.OAuth2TokenIntrospectionHttpMessageConverter;

/**
 * Token issuance: stored authorizations (JDBC, with refresh-token families), the token generator
 * (signed JWT access and ID tokens, SMART refresh tokens), and the token, introspection (RFC 7662)
 * and revocation (RFC 7009) endpoints' responses.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

  /**
   * Spring's JDBC store (each authorization read once per request), found by token through the
   * indexed lookup table, with refresh-token families on top, each call in one transaction (see
   * each decorator for why).
   */
  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbc,
      RegisteredClientRepository clients,
      Clock clock,
      TransactionOperations transactions) {
    return new TransactionalAuthorizations(
        new RefreshTokenFamilies(
            new TokenLookup(new RequestMemoizedAuthorizations(jdbc, clients), jdbc), jdbc, clock),
        transactions);
  }

  /**
   * The token endpoint's requests each in one transaction (see TokenRequestTransaction), around
   * the security filters that handle them, inside the request-context filter (order -105) that
   * RequestMemoizedAuthorizations relies on.
   */
  @Bean
  FilterRegistrationBean<TokenRequestTransaction> tokenRequestTransaction(
      TransactionOperations transactions, AuthorizationServerSettings settings) {
    FilterRegistrationBean<TokenRequestTransaction> registration =
        new FilterRegistrationBean<>(new TokenRequestTransaction(transactions));
    registration.addUrlPatterns(settings.getTokenEndpoint());
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /** V41: indexes the tokens of authorizations stored before the lookup table existed. */
  @Bean
  JavaMigration tokenLookupBackfill() {
    return new TokenLookupBackfill();
  }

  /** Daily: forget spent refresh tokens that have expired (see RefreshTokenFamilies). */
  @Bean
  SpentTokenPurge spentTokenPurge(JdbcTemplate jdbc, AuthServerProperties properties, Clock clock) {
    return new SpentTokenPurge(jdbc, properties.tokens().refreshTokenLifetime(), clock);
  }

  record SpentTokenPurge(JdbcTemplate jdbc, java.time.Duration lifetime, Clock clock) {
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.DAYS)
    void purge() {
      RefreshTokenFamilies.forgetSpentBefore(jdbc, clock.instant().minus(lifetime));
    }
  }

  @Bean
  OAuth2TokenGenerator<?> tokenGenerator(
      JwtEncoder jwtEncoder, UserAccounts users, DemoTokenExpiry demoTokenExpiry) {
    JwtGenerator jwts = new JwtGenerator(jwtEncoder);
    SmartTokenClaims smartClaims = new SmartTokenClaims(users);
    AccessTokenSignature signature = new AccessTokenSignature();
    jwts.setJwtCustomizer(
        context -> {
          signature.customize(context);
          smartClaims.customize(context);
          // after the lifetime cap: the demo profile's simulated expired_token (launch/)
          demoTokenExpiry.customize(context);
        });
    return new IdTokenOnRefresh(new DelegatingOAuth2TokenGenerator(jwts, new SmartRefreshTokenGenerator()));
  }

  @Bean
  Customizer<OAuth2TokenEndpointConfigurer> tokenEndpoint(
      OAuth2AuthorizationService authorizations) {
    OAuth2AccessTokenResponseAuthenticationSuccessHandler tokens =
        new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
    tokens.setAccessTokenResponseCustomizer(new LaunchContextResponse(authorizations));
    return endpoint ->
        endpoint
            .accessTokenResponseHandler(NoStore.success(tokens))
            .errorResponseHandler(NoStore.errors());
  }

  @Bean
  Customizer<OAuth2TokenIntrospectionEndpointConfigurer> introspectionEndpoint() {
    OAuth2TokenIntrospectionHttpMessageConverter introspection =
        new OAuth2TokenIntrospectionHttpMessageConverter();
    return endpoint ->
        endpoint
            .introspectionResponseHandler(
                NoStore.success(
                    (request, response, authentication) ->
                        introspection.write(
                            ((OAuth2TokenIntrospectionAuthenticationToken) authentication)
                                .getTokenClaims(),
                            null,
                            new ServletServerHttpResponse(response))))
            .errorResponseHandler(NoStore.errors());
  }

  @Bean
  Customizer<OAuth2TokenRevocationEndpointConfigurer> revocationEndpoint() {
    return endpoint ->
        endpoint
            .revocationResponseHandler(
                NoStore.success(
                    (request, response, authentication) ->
                        response.setStatus(HttpStatus.OK.value())))
            .errorResponseHandler(NoStore.errors());
  }
}
