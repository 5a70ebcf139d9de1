package org.careconnect.smart.auth.config;

import jakarta.servlet.ServletException;
import java.util.Map;
import org.careconnect.smart.service.availability.DatabaseUnavailable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Filter chain 3 of 3: the browser pages (login, consent, error). Form login with CSRF tokens;
 * the consent page needs a logged-in user; framing only by the launcher. Passwords are checked by
 * the one AuthenticationProvider bean (user/UserConfig), which Spring Security makes the global
 * authentication manager; adding it here too would run it twice per failed login.
 */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfig {

  @Bean
  @Order(3)
  SecurityFilterChain loginChain(
      HttpSecurity http, AuthServerProperties properties)
      throws Exception {
    ExceptionMappingAuthenticationFailureHandler failures =
        new ExceptionMappingAuthenticationFailureHandler();
    failures.setDefaultFailureUrl("/login?error");
    failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/login", "/error", "/css/**", "/favicon.ico")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").failureHandler(
            (request, response, exception) -> {
              // A user lookup that failed because the database is away is no failed login:
              // thrown on, it becomes the 503 page (availability/DatabaseUnavailableFilter).
              if (DatabaseUnavailable.causedBy(exception)) {
                throw new ServletException("The database is unavailable", exception);
              }
              failures.onAuthenticationFailure(request, response, exception);
            }))
        .headers(headers -> BrowserFraming.allowLauncherOnly(headers, properties));
    return http.build();
  }
}
