package org.careconnect.smart.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Key rotation: the new keys (ES256 for access tokens, RS256 for ID tokens) sign at once; the old
 * ones stay in the JWKS for the access-token lifetime (PT1H here) after they stopped signing,
 * then go. Its own server, with a test clock.
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
  void newKeysSignAndOldStayPublishedWhenRotated() throws Exception {
    List<String> before = kids();
    Map<String, String> signers = keys.rotate();

    assertThat(signers).containsOnlyKeys("ES256", "RS256");
    assertThat(kids()).containsExactlyInAnyOrderElementsOf(concat(signers.values(), before));
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> tokens =
        SmartFlow.json(flow.exchange(flow.code(fixtures.patient("p"), "openid patient/*.rs")));
    JWSHeader access = SignedJWT.parse((String) tokens.get("access_token")).getHeader();
    JWSHeader id = SignedJWT.parse((String) tokens.get("id_token")).getHeader();
    assertThat(access.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(access.getKeyID()).isEqualTo(signers.get("ES256"));
    assertThat(id.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(id.getKeyID()).isEqualTo(signers.get("RS256"));
  }

  @Test
  void bothKeyTypesPublishedWithTheirAlgorithmWhenJwksRead() throws Exception {
    Map<String, String> signers = keys.rotate();

    List<JWK> published = JWKSet.parse(new Browser(port).get("/oauth2/jwks").body()).getKeys();
    assertThat(published).filteredOn(k -> k.getKeyID().equals(signers.get("ES256")))
        .singleElement()
        .satisfies(k -> assertThat(k.getKeyType()).isEqualTo(KeyType.EC))
        .satisfies(k -> assertThat(k.toECKey().getCurve()).isEqualTo(Curve.P_256))
        .satisfies(k -> assertThat(k.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256))
        .satisfies(k -> assertThat(k.isPrivate()).isFalse());
    assertThat(published).filteredOn(k -> k.getKeyID().equals(signers.get("RS256")))
        .singleElement()
        .satisfies(k -> assertThat(k.getKeyType()).isEqualTo(KeyType.RSA))
        .satisfies(k -> assertThat(k.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256))
        .satisfies(k -> assertThat(k.isPrivate()).isFalse());
  }

  /**
   * A database from before access tokens had their own key holds one active RSA key. At start-up
   * that key is retired (still published: it signed the tokens in use) and a key of each family
   * signs.
   */
  @Test
  void rsaOnlySignerOfAnOlderDatabaseRetiredAndBothFamiliesSignWhenStarted() {
    Map<String, String> signers = keys.rotate();
    jdbc.update("DELETE FROM signing_key WHERE kid = ?", signers.get("ES256"));

    keys.ensureSigner();

    List<String> active = jdbc.queryForList("SELECT kid FROM signing_key WHERE retired_at IS NULL", String.class);
    assertThat(active).hasSize(2).doesNotContain(signers.get("RS256"));
    assertThat(kids()).contains(signers.get("RS256")).containsAll(active);
    assertThat(keys.signers().getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrderElementsOf(active);
  }

  @Test
  void oldKeysStillPublishedWhenLessThanTokenLifetimeSinceRetirement() {
    List<String> before = kids();
    Map<String, String> signers = keys.rotate();
    clock.advance(Duration.ofMinutes(59));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).containsAll(before).containsAll(signers.values());
  }

  @Test
  void oldKeysRemovedWhenTokenLifetimeHasPassedSinceRetirement() {
    List<String> before = kids();
    Map<String, String> signers = keys.rotate();
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).containsExactlyInAnyOrderElementsOf(signers.values());
    assertThat(before).doesNotContainAnyElementsOf(signers.values());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signing_key", Integer.class)).isEqualTo(2);
  }

  @Test
  void rotatedWhenSignersAreOlderThanRotationInterval() {
    Map<String, String> signers = keys.rotate();
    clock.advance(Duration.ofDays(30));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).hasSize(4).containsAll(signers.values());
    assertThat(keys.signers().getKeys()).extracting(JWK::getKeyID).doesNotContainAnyElementsOf(signers.values());
  }

  @Test
  void notRotatedWhenSignersAreYoungerThanRotationInterval() {
    Map<String, String> signers = keys.rotate();
    clock.advance(Duration.ofDays(29));
    keys.rotateIfDueAndPurge();

    assertThat(kids()).containsAll(signers.values());
    assertThat(keys.signers().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactlyInAnyOrderElementsOf(signers.values());
  }

  @Test
  void privateKeysEncryptedWhenKeyEncryptionKeyConfigured() {
    keys.rotate();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM signing_key");

    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("PRIVATE_KEY_ENCRYPTION")).isEqualTo("A256GCM"));
    // a clear PKCS#8 key starts with the DER bytes 30 82 (RSA: base64 "MII") or 30 81 (EC P-256: "MIG")
    assertThat(rows).allSatisfy(row ->
        assertThat((String) row.get("PRIVATE_KEY")).doesNotStartWith("MII").doesNotStartWith("MIG"));
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

  private static List<String> concat(Collection<String> first, List<String> rest) {
    return Stream.concat(first.stream(), rest.stream()).toList();
  }
}
