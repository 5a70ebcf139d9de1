package org.careconnect.smart.auth.user;

import java.time.Clock;
import java.util.Map;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and password login. Passwords and client secrets are hashed with bcrypt, cost 10 (about
 * 60-80 ms per check on this class of machine, i.e. 25-30 checks/s per core), stored with the
 * {bcrypt} prefix so the delegating encoder can move to a stronger setting or Argon2id later and
 * still verify old hashes.
 */
@Configuration(proxyBeanMethods = false)
class UserConfig {

  static final int BCRYPT_COST = 10;

  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_COST)));
  }

  @Bean
  UserAccounts userAccounts(JdbcTemplate jdbc) {
    return new UserAccounts(jdbc);
  }

  @Bean
  AuthenticationProvider passwordLogin(
      UserAccounts users,
      PasswordEncoder encoder,
      AuthServerProperties properties,
      Clock clock,
      JdbcTemplate jdbc) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
    passwords.setPasswordEncoder(encoder);
    LoginAttempts attempts =
        new LoginAttempts(jdbc, clock, properties.login().maxFailures(), properties.login().lockout());
    return new RateLimitedAuthenticationProvider(passwords, attempts);
  }
}
