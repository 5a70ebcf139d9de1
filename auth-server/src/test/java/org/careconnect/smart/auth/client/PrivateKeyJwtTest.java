package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.auth.client.ClientAssertions.claims;
import static org.careconnect.smart.auth.client.ClientAssertions.sign;
import static org.careconnect.smart.auth.client.ClientAssertions.tokenRequest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * private_key_jwt client authentication (RFC 7523 §3, SMART App Launch 2.2 §backend services
 * "Authenticating to the token endpoint"): each rule refused with 401 invalid_client naming it.
 */
@AuthServerIntegrationTest
class PrivateKeyJwtTest {

  static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";
  static final String SCOPE = "system/Observation.rs";

  @LocalServerPort int port;
  @Autowired BackendClients backendClients;
  @Autowired RegisteredClientRepository repository;
  @Autowired AuthServerProperties server;
  Browser browser;
  RSAKey key;
  RegisteredClient client;
  String tokenEndpoint;

  @BeforeEach
  void client() {
    browser = new Browser(port);
    key = ClientAssertions.rsaKey();
    client = new BackendFixtures(backendClients, repository).withKeys(List.of("system/*.rs"), key);
    tokenEndpoint = server.issuer() + "/oauth2/token";
  }

  HttpResponse<String> token(String assertion) {
    return browser.post("/oauth2/token", tokenRequest(assertion, SCOPE));
  }

  JWTClaimsSet.Builder valid() {
    return claims(client.getClientId(), tokenEndpoint);
  }

  static Map<String, Object> invalidClient(String rule) {
    return Map.of(
        "error", "invalid_client",
        "error_description", "Client authentication failed: " + rule,
        "error_uri", ERROR_URI);
  }

  void assertRefused(HttpResponse<String> response, String rule) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(invalidClient(rule));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void tokenWhenAssertionSignedRs384ThenBearerTokenWithoutRefreshToken() {
    HttpResponse<String> response = token(sign(key, JWSAlgorithm.RS384, valid().build()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> body = SmartFlow.json(response);
    assertThat(body).containsEntry("token_type", "Bearer").containsEntry("scope", SCOPE);
    assertThat(body).doesNotContainKeys("refresh_token", "id_token");
    assertThat((Integer) body.get("expires_in")).isBetween(290, 300);
  }

  @Test
  void tokenWhenAssertionSignedEs384ThenToken() {
    ECKey ec = ClientAssertions.ecKey();
    RegisteredClient ecClient =
        new BackendFixtures(backendClients, repository).withKeys(List.of("system/*.rs"), ec);
    String assertion =
        sign(ec, JWSAlgorithm.ES384, claims(ecClient.getClientId(), tokenEndpoint).build());

    assertThat(token(assertion).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenWhenAssertionSignedRs256ThenToken() {
    HttpResponse<String> response = token(sign(key, JWSAlgorithm.RS256, valid().build()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void tokenWhenClientIdSentAndMatchesThenToken() {
    Map<String, String> form = tokenRequest(sign(key, JWSAlgorithm.RS384, valid().build()), SCOPE);
    form.put("client_id", client.getClientId());

    assertThat(browser.post("/oauth2/token", form).statusCode()).isEqualTo(200);
  }

  @Test
  void invalidClientWhenClientIdDiffersFromSubThenRefused() {
    Map<String, String> form = tokenRequest(sign(key, JWSAlgorithm.RS384, valid().build()), SCOPE);
    form.put("client_id", "someone-else");

    assertRefused(browser.post("/oauth2/token", form), "client_id must be the assertion's sub");
  }

  @Test
  void invalidClientWhenSignedWithAnotherKeyThenRefused() {
    String assertion = sign(ClientAssertions.rsaKey(), JWSAlgorithm.RS384, valid().build());

    assertRefused(
        token(assertion),
        "the signature is not verified by a key of the client (accepted algorithms: RS384, ES384, RS256)");
  }

  @Test
  void invalidClientWhenAnotherKeyClaimsTheClientsKidThenRefused() {
    RSAKey impostor = new RSAKey.Builder(ClientAssertions.rsaKey()).keyID(key.getKeyID()).build();

    assertRefused(
        token(sign(impostor, JWSAlgorithm.RS384, valid().build())),
        "the signature is not verified by a key of the client (accepted algorithms: RS384, ES384, RS256)");
  }

  @Test
  void invalidClientWhenSignedWithHmacThenRefused() {
    String assertion = ClientAssertions.signHs256(new byte[32], valid().build());

    assertRefused(
        token(assertion),
        "the signature is not verified by a key of the client (accepted algorithms: RS384, ES384, RS256)");
  }

  @Test
  void invalidClientWhenAssertionExpiredThenRefused() {
    JWTClaimsSet expired =
        valid().expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))).build();

    assertRefused(token(sign(key, JWSAlgorithm.RS384, expired)), "the assertion has expired");
  }

  @Test
  void invalidClientWhenExpMoreThanFiveMinutesAheadThenRefused() {
    JWTClaimsSet tooLong =
        valid().expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build();

    assertRefused(token(sign(key, JWSAlgorithm.RS384, tooLong)), "exp must be at most 5 minutes ahead");
  }

  @Test
  void invalidClientWhenExpMissingThenRefused() {
    JWTClaimsSet noExp = valid().expirationTime(null).build();

    assertRefused(token(sign(key, JWSAlgorithm.RS384, noExp)), "exp is required");
  }

  @Test
  void invalidClientWhenJtiReplayedThenSecondUseRefused() {
    String assertion = sign(key, JWSAlgorithm.RS384, valid().build());

    assertThat(token(assertion).statusCode()).isEqualTo(200);
    assertRefused(token(assertion), "jti was already used");
  }

  @Test
  void replayWhenSameAssertionSentConcurrentlyThenExactlyOneToken() throws Exception {
    String assertion = sign(key, JWSAlgorithm.RS384, valid().build());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> new Browser(port).post("/oauth2/token", tokenRequest(assertion, SCOPE))));
      }
      List<Integer> statuses = new ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get().statusCode());
      }
      assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 401);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidClientWhenJtiMissingThenRefused() {
    assertRefused(token(sign(key, JWSAlgorithm.RS384, valid().jwtID(null).build())), "jti is required");
  }

  @Test
  void invalidClientWhenAudIsTheIssuerThenRefused() {
    JWTClaimsSet wrongAud = valid().audience(server.issuer()).build();

    assertRefused(
        token(sign(key, JWSAlgorithm.RS384, wrongAud)),
        "aud must be the token endpoint URL " + tokenEndpoint);
  }

  @Test
  void invalidClientWhenIssIsNotTheClientThenRefused() {
    JWTClaimsSet wrongIss = valid().issuer("someone-else").build();

    assertRefused(token(sign(key, JWSAlgorithm.RS384, wrongIss)), "iss must be the client_id");
  }

  @Test
  void invalidClientWhenSeveralRulesBrokenThenEachNamedAndJtiNotSpent() {
    JWTClaimsSet.Builder claims = valid();
    JWTClaimsSet broken = claims.audience("https://elsewhere.example/token").issuer("x").build();

    assertRefused(
        token(sign(key, JWSAlgorithm.RS384, broken)),
        "iss must be the client_id; aud must be the token endpoint URL " + tokenEndpoint);
    // the refused assertion did not spend its jti: the same jti in a valid assertion is accepted
    JWTClaimsSet fixed = valid().jwtID(broken.getJWTID()).build();
    assertThat(token(sign(key, JWSAlgorithm.RS384, fixed)).statusCode()).isEqualTo(200);
  }

  @Test
  void invalidClientWhenClientUnknownThenRefused() {
    String assertion =
        sign(key, JWSAlgorithm.RS384, claims("no-such-client", tokenEndpoint).build());

    assertRefused(token(assertion), "client_id");
  }

  @Test
  void invalidClientWhenAssertionIsUnsignedThenRefused() {
    String unsigned = new PlainJWT(valid().build()).serialize();

    assertRefused(
        token(unsigned),
        "the signature is not verified by a key of the client (accepted algorithms: RS384, ES384, RS256)");
  }

  @Test
  void invalidClientWhenClientHasNoKeysThenRefused() {
    RegisteredClient keyless =
        new BackendFixtures(backendClients, repository).withJwksUri(List.of("system/*.rs"), null);

    assertRefused(
        token(sign(key, JWSAlgorithm.RS384, claims(keyless.getClientId(), tokenEndpoint).build())),
        "the client has no registered keys (jwks or jwks_uri)");
  }

  @Test
  void invalidClientWhenAssertionIsNotAJwtThenRefused() {
    assertRefused(token("not-a-jwt"), "client_assertion is not a JWT");
  }

  @Test
  void invalidClientWhenKeysAtInternalJwksUriThenRefusedWithoutFetching() {
    RegisteredClient internal =
        new BackendFixtures(backendClients, repository)
            .withJwksUri(List.of("system/*.rs"), "https://169.254.169.254/latest/jwks.json");
    String assertion =
        sign(key, JWSAlgorithm.RS384, claims(internal.getClientId(), tokenEndpoint).build());

    assertRefused(
        token(assertion),
        "the client's keys could not be fetched: jwks_uri must not point to an internal address");
  }
}
