package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.auth.client.ClientAssertions.claims;
import static org.careconnect.smart.auth.client.ClientAssertions.sign;
import static org.careconnect.smart.auth.client.ClientAssertions.tokenRequest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.Metrics;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * SMART App Launch 2.2 §backend services: client_credentials with private_key_jwt grants system/
 * scopes only, negotiated against the client's allowed scopes, in a five-minute JWT for the FHIR
 * base and without a refresh token.
 */
@AuthServerIntegrationTest
class BackendServicesTest {

  static final String SCOPES_URI = "https://hl7.org/fhir/smart-app-launch/backend-services.html#scopes";

  @LocalServerPort int port;
  @Autowired BackendClients backendClients;
  @Autowired RegisteredClientRepository repository;
  @Autowired AuthServerProperties server;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  Browser browser;
  RSAKey key;
  RegisteredClient client;

  @BeforeEach
  void client() {
    browser = new Browser(port);
    key = ClientAssertions.rsaKey();
    client =
        new BackendFixtures(backendClients, repository)
            .withKeys(List.of("system/*.rs", "system/Observation.cruds"), key);
  }

  HttpResponse<String> token(String scope) {
    return token(tokenRequest(assertion(), scope));
  }

  HttpResponse<String> token(Map<String, String> form) {
    return browser.post("/oauth2/token", form);
  }

  String assertion() {
    JWTClaimsSet claims = claims(client.getClientId(), server.issuer() + "/oauth2/token").build();
    return sign(key, JWSAlgorithm.RS384, claims);
  }

  static Map<String, Object> error(String code, String description) {
    return Map.of("error", code, "error_description", description, "error_uri", SCOPES_URI);
  }

  @Test
  void tokenWhenSystemScopeRequestedThenSignedJwtForTheFhirBaseLivingFiveMinutes() throws Exception {
    HttpResponse<String> response = token("system/Patient.rs");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Object> body = SmartFlow.json(response);
    assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "scope");
    assertThat(body).containsEntry("scope", "system/Patient.rs").containsEntry("token_type", "Bearer");
    // verified with the server's published keys, as the FHIR server verifies it
    DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
    JWKSet serverKeys =
        JWKSet.parse(browser.get("/oauth2/jwks").body());
    verifier.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.ES256, (selector, context) -> selector.select(serverKeys)));
    JWTClaimsSet claims = verifier.process((String) body.get("access_token"), null);
    assertThat(claims.getAudience()).containsExactly(Fixtures.FHIR_BASE);
    assertThat(claims.getSubject()).isEqualTo(client.getClientId());
    assertThat(claims.getStringClaim("client_id")).isEqualTo(client.getClientId());
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(300_000L);
  }

  @Test
  void tokenWhenIssuedOrRefusedThenCountedUnderClientCredentials() {
    Metrics metrics = new Metrics(port);
    double issued = metrics.value("careconnect_auth_tokens_issued_total", "grant_type", "client_credentials");
    double refused = metrics.value("careconnect_auth_tokens_refused_total",
        "grant_type", "client_credentials", "error", "invalid_scope");

    assertThat(token("system/Patient.rs").statusCode()).isEqualTo(200);
    assertThat(token("patient/Observation.rs").statusCode()).isEqualTo(400);

    assertThat(metrics.value("careconnect_auth_tokens_issued_total", "grant_type", "client_credentials"))
        .isEqualTo(issued + 1);
    assertThat(metrics.value("careconnect_auth_tokens_refused_total",
        "grant_type", "client_credentials", "error", "invalid_scope")).isEqualTo(refused + 1);
  }

  @Test
  void tokenWhenNarrowerScopeThanAllowedThenExactlyTheNarrowerScope() {
    HttpResponse<String> response = token("system/Observation.rs");

    assertThat(SmartFlow.json(response)).containsEntry("scope", "system/Observation.rs");
  }

  @Test
  void tokenWhenSomeScopesNotAllowedThenOnlyTheAllowedOnes() {
    HttpResponse<String> response = token("system/Observation.cud system/Patient.cud");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SmartFlow.json(response)).containsEntry("scope", "system/Observation.cud");
  }

  @Test
  void tokenWhenAudParameterIsAServedFhirBaseThenTokenForIt() {
    Map<String, String> form = tokenRequest(assertion(), "system/Patient.rs");
    form.put("aud", Fixtures.FHIR_BASE);
    HttpResponse<String> response = token(form);

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> claims = SmartFlow.claims((String) SmartFlow.json(response).get("access_token"));
    assertThat(claims.get("aud")).isEqualTo(Fixtures.FHIR_BASE);
    // RFC 9068 §2.2.3: one space-separated string, as the FHIR server reads it
    assertThat(claims.get("scope")).isEqualTo("system/Patient.rs");
  }

  @Test
  void invalidRequestWhenAudParameterIsNotAServedFhirBaseThenRefused() {
    Map<String, String> form = tokenRequest(assertion(), "system/Patient.rs");
    form.put("aud", "https://elsewhere.example/fhir");
    HttpResponse<String> response = token(form);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.of(
                "error", "invalid_request",
                "error_description", "aud must be a FHIR base this server issues tokens for",
                "error_uri", "https://hl7.org/fhir/smart-app-launch/app-launch.html#request-4"));
  }

  @Test
  void invalidScopeWhenPatientScopeRequestedThenRefused() {
    HttpResponse<String> response = token("system/Patient.rs patient/Observation.rs");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            error("invalid_scope", "client_credentials grants system/ scopes only, not patient/Observation.rs"));
  }

  @Test
  void invalidScopeWhenUserScopeRequestedThenRefused() {
    HttpResponse<String> response = token("user/*.rs");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(error("invalid_scope", "client_credentials grants system/ scopes only, not user/*.rs"));
  }

  @Test
  void invalidScopeWhenOpenidRequestedThenRefused() {
    HttpResponse<String> response = token("openid system/Patient.rs");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(error("invalid_scope", "client_credentials grants system/ scopes only, not openid"));
  }

  @Test
  void invalidScopeWhenNothingRequestedIsAllowedThenRefused() {
    HttpResponse<String> response = token("system/Patient.cruds");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(error("invalid_scope", "none of the requested scopes is allowed for this client"));
  }

  @Test
  void invalidScopeWhenNoScopeRequestedThenRefused() {
    Map<String, String> form = tokenRequest(assertion(), "x");
    form.remove("scope");
    HttpResponse<String> response = token(form);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response)).isEqualTo(error("invalid_scope", "scope is required"));
  }

  @Test
  void invalidScopeWhenScopeBreaksTheGrammarThenRefused() {
    HttpResponse<String> response = token("system/Patient.sr");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response).get("error")).isEqualTo("invalid_scope");
  }

  @Test
  void unauthorizedClientWhenSecretClientAsksForSystemScopeThenRefused() {
    RegisteredClient confidential = fixtures.confidentialClient("s3cret-s3cret");
    HttpResponse<String> response =
        browser.post(
            "/oauth2/token",
            Map.of("grant_type", "client_credentials", "scope", "system/Patient.rs"),
            "Authorization",
            SmartFlow.basic(confidential.getClientId(), "s3cret-s3cret"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            error("unauthorized_client", "system/ scopes require private_key_jwt client authentication"));
  }

  @Test
  void refreshTokenWhenBackendClientThenNeverIssued() {
    HttpResponse<String> response = token("system/Patient.rs");

    assertThat(SmartFlow.json(response)).doesNotContainKey("refresh_token");
  }

  @Test
  void introspectionWhenBackendClientAuthenticatesWithAnAssertionThenItsTokenIsActive() {
    String accessToken = (String) SmartFlow.json(token("system/Patient.rs")).get("access_token");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", accessToken);
    form.put("client_assertion_type", ClientAssertions.JWT_BEARER);
    form.put("client_assertion", assertion());

    HttpResponse<String> response = browser.post("/oauth2/introspect", form);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(SmartFlow.json(response))
        .containsEntry("active", true)
        .containsEntry("scope", "system/Patient.rs")
        .containsEntry("client_id", client.getClientId());
  }

  @Test
  void replayStoreWhenPurgedThenExpiredIdsGoneAndLiveOnesKept() {
    ReplayedAssertionStore replays = new ReplayedAssertionStore(jdbc, Clock.systemUTC());
    String clientId = "purge-" + UUID.randomUUID();
    Instant now = Instant.now();
    assertThat(replays.firstUse(clientId, "old", now.minusSeconds(60))).isTrue();
    assertThat(replays.firstUse(clientId, "live", now.plusSeconds(60))).isTrue();

    replays.purgeExpired();

    assertThat(replays.firstUse(clientId, "old", now.plusSeconds(60))).isTrue();
    assertThat(replays.firstUse(clientId, "live", now.plusSeconds(60))).isFalse();
  }
}
