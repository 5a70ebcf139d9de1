package org.careconnect.smart.auth.config;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Filter chain 2 of 3: public, stateless JSON (SMART configuration, health probes, metrics). The admin and
 * EHR launch APIs of a later issue get their own chains here, before the login chain.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

  @Bean
  @Order(2)
  SecurityFilterChain publicApiChain(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/.well-known/smart-configuration"),
                paths.matcher("/actuator/health/**"),
                paths.matcher("/actuator/info"),
                // guarded by the scrape credential (service-support's ScrapeAccessFilter), not a session
                paths.matcher("/actuator/prometheus")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // no cookies, no state-changing requests
        .cors(withDefaults());
    return http.build();
  }
}
