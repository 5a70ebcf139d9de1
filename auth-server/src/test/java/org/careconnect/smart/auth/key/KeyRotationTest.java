package org.careconnect.smart.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.MutableClock;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Key rotation: the new key signs at once; the old one stays in the JWKS for the access-token
 * lifetime (PT1H here) after it stopped signing, then goes. Its own server, with a test clock.
 */
@SpringBootTest(
    classes = AuthServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:auth-keys;MODE=MySQL;DB_CLOSE_DELAY=-1",
      "careconnect.auth.keys.encryption-key=" + KeyRotationTest.KEK
    })
@ActiveProfiles("test")
@Import({Fixtures.class, KeyRotationTest.TestClock.class})
class KeyRotationTest {

  static final String KEK = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired SigningKeys keys;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;

  @Test
  void newKeySignsAndOldStaysPublishedWhenRotated() throws Exception {
    List<String> before = kids();
    String signer = keys.rotate();

    assertThat(kids()).containsExactlyInAnyOrderElementsOf(concat(signer, before));
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    String accessToken =
        (String) SmartFlow.json(flow.exchange(flow.code(fixtures.patient("p"), "openid patient/*.rs")))
            .get("access_token");
    assertThat(SignedJWT.parse(accessToken).getHeader().getKeyID()).isEqualTo(signer);
  }

  @Test
  void oldKeyStillPublishedWhenLessThanTokenLifetimeSinceRetirement() {
    List<String> before = kids();
    String signer = keys.rotate();
    clock.advance(Duration.ofMinutes(59));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).containsAll(before).contains(signer);
  }

  @Test
  void oldKeyRemovedWhenTokenLifetimeHasPassedSinceRetirement() {
    List<String> before = kids();
    String signer = keys.rotate();
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).containsExactly(signer);
    assertThat(before).doesNotContain(signer);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signing_key", Integer.class)).isEqualTo(1);
  }

  @Test
  void rotatedWhenSignerIsOlderThanRotationInterval() {
    String signer = keys.rotate();
    clock.advance(Duration.ofDays(30));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).hasSize(2).contains(signer);
    assertThat(kids().get(0)).isNotEqualTo(signer);
  }

  @Test
  void notRotatedWhenSignerIsYoungerThanRotationInterval() {
    String signer = keys.rotate();
    clock.advance(Duration.ofDays(29));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).contains(signer);
    assertThat(keys.signer().getKeyID()).isEqualTo(signer);
  }

  @Test
  void privateKeysEncryptedWhenKeyEncryptionKeyConfigured() {
    keys.rotate();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM signing_key");

    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("PRIVATE_KEY_ENCRYPTION")).isEqualTo("A256GCM"));
    String stored = (String) rows.get(0).get("PRIVATE_KEY");
    // a clear PKCS#8 RSA key starts with the DER bytes 30 82 .. .. 02 01 00: base64 "MII"
    assertThat(stored).doesNotStartWith("MII");
  }

  private List<String> kids() {
    try {
      return JWKSet.parse(new Browser(port).get("/oauth2/jwks").body()).getKeys().stream()
          .map(JWK::getKeyID)
          .toList();
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
  }
}
