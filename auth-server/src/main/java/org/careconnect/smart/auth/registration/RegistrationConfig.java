package org.careconnect.smart.auth.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.careconnect.smart.auth.client.BackendClients;
import org.careconnect.smart.auth.client.CachedRegisteredClients;
import org.careconnect.smart.auth.client.ClientProperties;
import org.careconnect.smart.auth.client.OutboundUrlPolicy;
import org.careconnect.smart.auth.client.SmartClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Dynamic client registration (RFC 7591/7592): its beans and its filter chain. The chain lets
 * every request through to the controller, which authenticates with the initial access token or
 * the registration access token itself; stateless, no cookies, so no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationConfig {

  private static final Logger log = LoggerFactory.getLogger(RegistrationConfig.class);

  @Bean
  @Order(2)
  SecurityFilterChain registrationChain(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher(ClientRegistrationController.PATH),
                paths.matcher(ClientRegistrationController.PATH + "/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  @Bean
  ClientRegistrations clientRegistrations(
      JdbcTemplate jdbc, ObjectMapper json, CachedRegisteredClients clients) {
    return new ClientRegistrations(jdbc, json, clients);
  }

  @Bean
  DynamicClients dynamicClients(
      RegistrationProperties properties,
      ClientProperties clientProperties,
      OutboundUrlPolicy urlPolicy,
      RegisteredClientRepository clients,
      ClientRegistrations registrations,
      SmartClients smartClients,
      BackendClients backendClients,
      PasswordEncoder passwords,
      Clock clock) {
    if (properties.open()) {
      log.warn(
          "Open dynamic client registration is ON (careconnect.registration.open): anyone can"
              + " register a client. Use it for demos only.");
    } else if (properties.initialAccessToken().isEmpty()) {
      log.info("Dynamic client registration is closed: no initial access token is configured.");
    }
    Set<String> httpHosts = new HashSet<>(clientProperties.urlPolicy().allowedInternalHosts());
    return new DynamicClients(
        clients,
        registrations,
        new ClientMetadataRules(new RedirectUriRules(httpHosts), urlPolicy),
        new RestrictedScopes(properties.restrictedScopes()),
        smartClients,
        backendClients,
        passwords,
        clock);
  }
}
