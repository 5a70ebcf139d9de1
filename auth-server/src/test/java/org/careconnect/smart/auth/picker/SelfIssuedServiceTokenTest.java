package org.careconnect.smart.auth.picker;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.careconnect.smart.auth.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The picker's own token: its claims, its lifetime, and reuse until shortly before expiry. */
class SelfIssuedServiceTokenTest {

  private static final String ISSUER = "http://127.0.0.1:9000";
  private static final String FHIR = "http://127.0.0.1:8080/fhir/STU3";

  /** The server's two signers: the access-token key (EC) and the ID-token key (RSA). */
  private final ECKey key = ecKey();
  private final JWKSet signers = new JWKSet(List.of(key, rsaKey()));
  private final MutableClock clock = new MutableClock();
  private final SelfIssuedServiceToken tokens = new SelfIssuedServiceToken(
      new NimbusJwtEncoder((selector, context) -> selector.select(signers)), clock, ISSUER, FHIR);

  @Test
  void bearerTokenWhenIssuedThenSignedWithSystemScopesForTheFhirBaseAndAtMostFiveMinutes() throws Exception {
    Instant now = clock.instant();

    SignedJWT jwt = SignedJWT.parse(tokens.bearerToken().orElseThrow());

    assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("access-signer");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getAudience()).isEqualTo(List.of(FHIR));
    assertThat(claims.getStringClaim("scope")).isEqualTo("system/Patient.rs system/Encounter.rs");
    assertThat(claims.getStringClaim("client_id")).isEqualTo("careconnect-auth-server");
    assertThat(claims.getSubject()).isEqualTo("careconnect-auth-server");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getClaims()).doesNotContainKeys("patient", "fhirUser");
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(claims.getIssueTime().toInstant().getEpochSecond()).isEqualTo(now.getEpochSecond());
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

  private static ECKey ecKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("access-signer").algorithm(JWSAlgorithm.ES256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static com.nimbusds.jose.jwk.RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("id-token-signer").algorithm(JWSAlgorithm.RS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
