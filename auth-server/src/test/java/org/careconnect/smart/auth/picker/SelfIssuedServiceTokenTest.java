package org.careconnect.smart.auth.picker;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careconnect.smart.auth.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The picker's own token: its claims, its lifetime, and reuse until shortly before expiry. */
class SelfIssuedServiceTokenTest {

  private static final String ISSUER = "http://127.0.0.1:9000";
  private static final String FHIR = "http://127.0.0.1:8080/fhir/STU3";

  private final RSAKey key = rsaKey();
  private final MutableClock clock = new MutableClock();
  private final SelfIssuedServiceToken tokens = new SelfIssuedServiceToken(
      new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(key))), clock, ISSUER, FHIR);

  @Test
  void bearerTokenWhenIssuedThenSignedWithSystemScopesForTheFhirBaseAndAtMostFiveMinutes() throws Exception {
    Instant now = clock.instant();

    Jwt jwt = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build()
        .decode(tokens.bearerToken().orElseThrow());

    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", "signer-1");
    assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
    assertThat(jwt.getAudience()).isEqualTo(List.of(FHIR));
    assertThat(jwt.getClaimAsString("scope")).isEqualTo("system/Patient.rs system/Encounter.rs");
    assertThat(jwt.getClaimAsString("client_id")).isEqualTo("careconnect-auth-server");
    assertThat(jwt.getSubject()).isEqualTo("careconnect-auth-server");
    assertThat(jwt.getId()).isNotBlank();
    assertThat(jwt.getClaims()).doesNotContainKeys("patient", "fhirUser");
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
    assertThat(jwt.getIssuedAt().getEpochSecond()).isEqualTo(now.getEpochSecond());
  }

  @Test
  void bearerTokenWhenMoreThanAMinuteLeftThenTheSameToken() {
    String first = tokens.bearerToken().orElseThrow();
    clock.advance(Duration.ofMinutes(3).plusSeconds(59));

    assertThat(tokens.bearerToken()).hasValue(first);
  }

  @Test
  void bearerTokenWhenAMinuteOrLessLeftThenANewToken() {
    String first = tokens.bearerToken().orElseThrow();
    clock.advance(Duration.ofMinutes(4));

    String second = tokens.bearerToken().orElseThrow();

    assertThat(second).isNotEqualTo(first);
    clock.advance(Duration.ofMinutes(1));
    assertThat(tokens.bearerToken()).hasValue(second);
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("signer-1").generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
