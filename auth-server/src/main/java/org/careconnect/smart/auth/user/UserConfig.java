package org.careconnect.smart.auth.user;

import java.time.Clock;
import java.util.Map;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.operations.LoginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and password login. Passwords and client secrets are hashed with Argon2id at an OWASP
 * setting (by default m=7168 KiB, t=5, p=1; PasswordHashProperties, docs/decisions/0011), stored
 * with the {argon2@SpringSecurity_v5_8} prefix of Spring's DelegatingPasswordEncoder. The hash is
 * computed by the native libargon2 (NativeArgon2PasswordEncoder, docs/decisions/0015: about 18 ms
 * of CPU per check on this class of machine, against 24-45 ms for BouncyCastle with its garbage
 * collection, and 62 ms for bcrypt cost 10); where that library does not load, one warning is
 * logged and Spring's Argon2PasswordEncoder (BouncyCastle) computes it instead, with the same
 * parameters and stored form, so hashes made by either verify with the other. Hashes stored
 * before, {bcrypt} (cost 10), still verify; a user's is replaced by an Argon2id hash at their next
 * successful login (UserAccounts#updatePassword), a client secret's at the client's next
 * authentication with it (Spring Authorization Server's ClientSecretAuthenticationProvider does
 * the same). So is a hash made with lower Argon2id settings than the current ones. At most {@code
 * max-concurrent} hashes are computed at once (BoundedPasswordEncoder).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordHashProperties.class)
class UserConfig {

  private static final Logger log = LoggerFactory.getLogger(UserConfig.class);

  /** Spring Security's own id for Argon2 (PasswordEncoderFactories); the parameters are in the hash. */
  static final String ARGON2_ID = "argon2@SpringSecurity_v5_8";

  /** Only to verify hashes stored before Argon2id, which were made at this cost. */
  static final int BCRYPT_COST = 10;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  @Bean
  PasswordEncoder passwordEncoder(PasswordHashProperties settings) {
    PasswordEncoder argon2 = argon2(settings, NativeArgon2PasswordEncoder::new);
    return new BoundedPasswordEncoder(
        new DelegatingPasswordEncoder(
            ARGON2_ID, Map.of(ARGON2_ID, argon2, "bcrypt", new BCryptPasswordEncoder(BCRYPT_COST))),
        settings.concurrentHashes());
  }

  /** Makes an Argon2id encoder: salt and hash lengths, parallelism, memory (KiB), iterations. */
  @FunctionalInterface
  interface Argon2Encoders {
    PasswordEncoder create(
        int saltBytes, int hashBytes, int parallelism, int memoryKib, int iterations);
  }

  /**
   * The Argon2id encoder: {@code nativeArgon2}'s (libargon2), or Spring's Argon2PasswordEncoder
   * (BouncyCastle) with the same parameters when that one fails (libargon2 or JNA's native part
   * does not load on this platform, or computes a wrong known answer).
   */
  static PasswordEncoder argon2(PasswordHashProperties settings, Argon2Encoders nativeArgon2) {
    try {
      PasswordEncoder encoder =
          nativeArgon2.create(
              SALT_BYTES,
              HASH_BYTES,
              settings.parallelism(),
              settings.memoryKib(),
              settings.iterations());
      log.info("Argon2id password hashing: native libargon2");
      return encoder;
    } catch (LinkageError | RuntimeException failure) {
      log.warn(
          "Argon2id password hashing: the native libargon2 is unavailable here ({}), so"
              + " BouncyCastle (Spring's Argon2PasswordEncoder) computes it, with the same"
              + " parameters and stored form but at about half the throughput (docs/decisions/0015)",
          String.valueOf(failure).replaceAll("\\s*\\R\\s*", " "));
      log.debug("libargon2 failure", failure);
      return new Argon2PasswordEncoder(
          SALT_BYTES, HASH_BYTES, settings.parallelism(), settings.memoryKib(), settings.iterations());
    }
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
      JdbcTemplate jdbc,
      LoginMetrics metrics) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
    passwords.setPasswordEncoder(encoder);
    // a successful login whose stored hash is bcrypt (or weaker Argon2id) stores a new one
    passwords.setUserDetailsPasswordService(users);
    LoginAttempts attempts =
        new LoginAttempts(jdbc, clock, properties.login().maxFailures(), properties.login().lockout());
    return new RateLimitedAuthenticationProvider(passwords, attempts, metrics);
  }
}
