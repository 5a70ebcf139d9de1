package org.careconnect.smart.auth.key;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/**
 * Signing keys from the database. Two sources over the same keys: the published JWKS (public
 * parts, for /oauth2/jwks and verification) and the signers alone (the encoder must find exactly
 * one key for a token's algorithm: the ES256 key for access tokens, the RS256 key for the rest).
 */
@Configuration(proxyBeanMethods = false)
class KeyConfig {

  @Bean
  SigningKeys signingKeys(
      JdbcTemplate jdbc, AuthServerProperties properties, Clock clock, MeterRegistry meters) {
    SigningKeys keys =
        new SigningKeys(
            new SigningKeyStore(jdbc),
            new PrivateKeyCipher(properties.keys().encryptionKey()),
            clock,
            properties.tokens().accessTokenLifetime(),
            properties.keys().rotationInterval(),
            Counter.builder("careconnect.auth.key.rotations")
                .description("New signing keys taking over (the first key of a new database included)")
                .register(meters));
    keys.ensureSigner();
    return keys;
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
    return (selector, context) -> selector.select(keys.published());
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(
        (selector, context) -> selector.select(keys.signers()));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
  }

  @Bean
  KeyRotationSchedule keyRotationSchedule(SigningKeys keys) {
    return new KeyRotationSchedule(keys);
  }

  /** Checks every check-interval whether the signer is due for rotation. */
  static final class KeyRotationSchedule {
    private final SigningKeys keys;

    KeyRotationSchedule(SigningKeys keys) {
      this.keys = keys;
    }

    @Scheduled(
        fixedDelayString = "${careconnect.auth.keys.check-interval}",
        initialDelayString = "${careconnect.auth.keys.check-interval}")
    void check() {
      keys.rotateIfDueAndPurge();
    }
  }
}
