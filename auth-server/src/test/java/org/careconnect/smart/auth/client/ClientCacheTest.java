package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careconnect.smart.auth.client.ClientAssertions.claims;
import static org.careconnect.smart.auth.client.ClientAssertions.sign;
import static org.careconnect.smart.auth.client.ClientAssertions.tokenRequest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Registered clients and their assertion decoders are cached (CachedRegisteredClients,
 * ClientAssertionDecoderFactory): a change made on this node applies to the next request, a
 * change made by another node sharing the database applies within the cache lifetime (PT2S in
 * the test profile), and the old keys are refused from then on.
 */
@AuthServerIntegrationTest
class ClientCacheTest {

  static final String SCOPE = "system/Observation.rs";
  static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";
  static final Duration LIFETIME_AND_MARGIN = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired BackendClients backendClients;
  @Autowired RegisteredClientRepository repository;
  @Autowired AuthServerProperties server;
  @Autowired JdbcTemplate jdbc;
  Browser browser;
  RSAKey oldKey;
  RSAKey newKey;
  RegisteredClient client;

  @BeforeEach
  void cachedClient() {
    browser = new Browser(port);
    oldKey = ClientAssertions.rsaKey();
    newKey = ClientAssertions.rsaKey();
    client = new BackendFixtures(backendClients, repository).withKeys(List.of("system/*.rs"), oldKey);
    // read, cached, and its decoder built
    assertThat(token(oldKey).statusCode()).isEqualTo(200);
  }

  HttpResponse<String> token(RSAKey key) {
    String assertion =
        sign(key, JWSAlgorithm.RS384, claims(client.getClientId(), server.issuer() + "/oauth2/token").build());
    return browser.post("/oauth2/token", tokenRequest(assertion, SCOPE));
  }

  RegisteredClient withKey(RSAKey key) {
    return RegisteredClient.from(client)
        .clientSettings(
            ClientSettings.withSettings(client.getClientSettings().getSettings())
                .setting(
                    ClientKeySettings.INLINE_JWKS,
                    new JWKSet(key.toPublicJWK()).toString())
                .build())
        .build();
  }

  static void assertRefused(HttpResponse<String> response, String rule) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.of(
                "error", "invalid_client",
                "error_description", "Client authentication failed: " + rule,
                "error_uri", ERROR_URI));
  }

  @Test
  void keysChangedOnThisNodeThenNewKeyAcceptedAndOldRefusedAtOnce() {
    repository.save(withKey(newKey));

    assertThat(token(newKey).statusCode()).isEqualTo(200);
    assertRefused(
        token(oldKey),
        "the signature is not verified by a key of the client (accepted algorithms: RS384, ES384, RS256)");
  }

  @Test
  void keysChangedOnAnotherNodeThenNewKeyAcceptedWithinTheLifetimeAndOldRefused() {
    new JdbcRegisteredClientRepository(jdbc).save(withKey(newKey)); // past this node's cache

    await()
        .atMost(LIFETIME_AND_MARGIN)
        .untilAsserted(() -> assertThat(token(newKey).statusCode()).isEqualTo(200));
    assertRefused(
        token(oldKey),
        "the signature is not verified by a key of the client (accepted algorithms: RS384, ES384, RS256)");
  }

  @Test
  void clientDeletedOnAnotherNodeThenRefusedWithinTheLifetime() {
    jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", client.getId());

    await()
        .atMost(LIFETIME_AND_MARGIN)
        .untilAsserted(() -> assertRefused(token(oldKey), "client_id"));
  }
}
