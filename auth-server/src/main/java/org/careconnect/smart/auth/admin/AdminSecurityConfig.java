package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains of their own, before the login chain (config/LoginSecurityConfig):
 *
 * <ol>
 *   <li>{@code /api/admin/**}, the JSON admin API: HTTP Basic with an admin user's username and
 *       password (RFC 7617), checked by the same rate-limited password provider as the login
 *       page, stateless. Chosen over a bearer token with a custom scope because an operator's
 *       script then needs no client registration, no token dance and no resource-server stack,
 *       and the lock-out still applies; it needs https in production (as the login page does).
 *       No cookies are read, so CSRF cannot apply and is off. 401 and 403 are JSON.
 *   <li>{@code /admin/**} (admin pages, ROLE_ADMIN) and {@code /account/**} (self-service, any
 *       logged-in user): the login page's session, CSRF tokens on every form, and never framed
 *       (Spring's {@code X-Frame-Options: DENY}; unlike the login page, the launcher has no reason
 *       to frame them).
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfig {

  static final String ROLE = "ADMIN";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 20)
  SecurityFilterChain adminApiChain(HttpSecurity http, ObjectMapper json) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) ->
                        write(json, response, 401, AdminError.of("unauthorized", "admin credentials are required (HTTP Basic)"))))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            write(json, response, 401, AdminError.of("unauthorized", "admin credentials are required (HTTP Basic)")))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            write(json, response, 403, AdminError.of("forbidden", "the ADMIN role is required"))))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 21)
  SecurityFilterChain adminPagesChain(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(
            new OrRequestMatcher(
                paths.matcher("/admin"), paths.matcher("/admin/**"), paths.matcher("/account/**")))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(paths.matcher("/account/**"))
                    .authenticated()
                    .anyRequest()
                    .hasRole(ROLE))
        // Not logged in: to the login page (which posts to the login chain), then back here.
        .formLogin(form -> form.loginPage("/login"));
    return http.build();
  }

  static void write(ObjectMapper json, HttpServletResponse response, int status, AdminError error)
      throws IOException {
    response.setStatus(status);
    if (status == 401) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"admin\"");
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), error);
  }
}
