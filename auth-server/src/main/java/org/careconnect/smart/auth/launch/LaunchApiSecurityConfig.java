package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.web.OAuth2ClientAuthenticationFilter;
import org.springframework.security.oauth2.server.authorization.web.authentication.ClientSecretBasicAuthenticationConverter;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The launch-context API's own filter chain: the caller authenticates as an OAuth client with
 * HTTP Basic and its client secret (RFC 6749 §2.3.1), and must hold the restricted launch API
 * scope among its allowed scopes. Errors are RFC 6750 §3.1 JSON: 401 {@code invalid_client}
 * without valid credentials, 403 {@code insufficient_scope} without the scope.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LaunchProperties.class)
class LaunchApiSecurityConfig {

  static final String PATH = "/api/launch";

  /**
   * The restricted scope a client needs among its allowed scopes. Never granted by dynamic
   * registration; an admin grants it to EHRs and the launcher.
   */
  static final String API_SCOPE = "careconnect/launch";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain launchApiSecurityFilterChain(
      HttpSecurity http,
      RegisteredClientRepository clients,
      OAuth2AuthorizationService authorizations,
      ObjectProvider<PasswordEncoder> passwordEncoder,
      ObjectMapper json)
      throws Exception {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher(PATH);
    ClientSecretAuthenticationProvider secrets =
        new ClientSecretAuthenticationProvider(clients, authorizations);
    passwordEncoder.ifAvailable(secrets::setPasswordEncoder);
    OAuth2ClientAuthenticationFilter clientAuthentication =
        new OAuth2ClientAuthenticationFilter(
            new ProviderManager(secrets),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
    clientAuthentication.setAuthenticationConverter(new ClientSecretBasicAuthenticationConverter());
    clientAuthentication.setAuthenticationFailureHandler(
        (request, response, e) -> write(json, response, 401, invalidClient()));

    http.securityMatcher(api)
        .addFilterBefore(clientAuthentication, AuthorizationFilter.class)
        .authorizeHttpRequests(
            authorize -> authorize.anyRequest().access(holdsScope(API_SCOPE)))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) -> write(json, response, 401, invalidClient()))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            write(
                                json,
                                response,
                                403,
                                new ApiError(
                                    "insufficient_scope",
                                    "the client is not allowed scope " + API_SCOPE))))
        // A machine-to-machine API without cookies: no session, and CSRF does not apply.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  /** The client's registered (allowed) scopes, not a token's: the API is called with no token. */
  private static AuthorizationManager<RequestAuthorizationContext> holdsScope(String scope) {
    return (authentication, context) ->
        new AuthorizationDecision(
            authentication.get() instanceof OAuth2ClientAuthenticationToken client
                && client.isAuthenticated()
                && client.getRegisteredClient() != null
                && client.getRegisteredClient().getScopes().contains(scope));
  }

  private static ApiError invalidClient() {
    return new ApiError("invalid_client", "client authentication failed");
  }

  private static void write(ObjectMapper json, HttpServletResponse response, int status, ApiError error)
      throws IOException {
    response.setStatus(status);
    if (status == 401) {
      // RFC 6749 §5.2: a 401 for invalid_client names the scheme the client should use.
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"launch\"");
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), error);
  }
}
