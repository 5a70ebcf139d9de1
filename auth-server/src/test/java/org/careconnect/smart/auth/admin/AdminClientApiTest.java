package org.careconnect.smart.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** {@code /api/admin/clients}: the client lifecycle, and each input rule refused with its field. */
@AuthServerIntegrationTest
class AdminClientApiTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;
  @Autowired RegisteredClientRepository repository;
  AdminCalls admin;
  String clientId;

  @BeforeEach
  void asAdmin() {
    admin = AdminCalls.as(port, AdminCalls.newAdmin(users), Fixtures.PASSWORD);
    clientId = "app-" + UUID.randomUUID();
  }

  private String app(String extra) {
    return """
        {"client_id": "%s", "client_name": "Ward app", "token_endpoint_auth_method": "client_secret_basic",
         "redirect_uris": ["https://ward.example/callback"], "scope": "openid fhirUser launch/patient patient/*.rs"%s}
        """.formatted(clientId, extra);
  }

  @Test
  void createdWithOneTimeSecretWhenAdminCreatesConfidentialClient() {
    HttpResponse<String> created = admin.post("/api/admin/clients", app(""));

    assertThat(created.statusCode()).isEqualTo(201);
    Map<String, Object> body = SmartFlow.json(created);
    assertThat((String) body.remove("client_secret")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(body)
        .isEqualTo(
            Map.of(
                "client_id", clientId,
                "client_name", "Ward app",
                "token_endpoint_auth_method", "client_secret_basic",
                "grant_types", List.of("authorization_code", "refresh_token"),
                "redirect_uris", List.of("https://ward.example/callback"),
                "scope", "fhirUser launch/patient openid patient/*.rs", // sorted
                "access_token_lifetime", 3600,
                "refresh_token_lifetime", 2592000));
    HttpResponse<String> read = admin.get("/api/admin/clients/" + clientId);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(SmartFlow.json(read)).isEqualTo(body); // the secret is never shown again
  }

  @Test
  void updatedWhenAdminGrantsRestrictedScopeAndShortensAccessTokens() {
    admin.post("/api/admin/clients", app(""));

    HttpResponse<String> updated =
        admin.put(
            "/api/admin/clients/" + clientId,
            """
            {"scope": "openid careconnect/launch system/*.rs", "access_token_lifetime": 600,
             "redirect_uris": ["https://ward.example/callback", "http://127.0.0.1/cb"]}
            """);

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(SmartFlow.json(updated))
        .containsEntry("scope", "careconnect/launch openid system/*.rs")
        .containsEntry("access_token_lifetime", 600)
        .containsEntry("redirect_uris", List.of("http://127.0.0.1/cb", "https://ward.example/callback"))
        .doesNotContainKey("client_secret");
    assertThat(repository.findByClientId(clientId).getScopes()).contains("careconnect/launch");
  }

  @Test
  void tokenLivesTheConfiguredLifetimeWhenAdminSetsIt() {
    admin.post(
        "/api/admin/clients",
        """
        {"client_id": "%s", "token_endpoint_auth_method": "none", "redirect_uris": ["https://app.example/callback"],
         "scope": "openid patient/*.rs", "access_token_lifetime": 300}
        """.formatted(clientId));
    SmartFlow flow = new SmartFlow(new Browser(port), repository.findByClientId(clientId));

    Map<String, Object> tokens =
        SmartFlow.json(flow.exchange(flow.code(fixtures.patient("p-1"), "openid patient/*.rs")));

    assertThat(((Number) tokens.get("expires_in")).intValue()).isBetween(298, 300);
  }

  @Test
  void backendServiceWhenPrivateKeyJwtClientHasKeysAndNoRedirectUris() throws Exception {
    String jwks = new String(getClass().getResourceAsStream("/demo/careconnect-backend.jwks.json").readAllBytes());

    HttpResponse<String> created =
        admin.post(
            "/api/admin/clients",
            """
            {"client_id": "%s", "token_endpoint_auth_method": "private_key_jwt", "scope": "system/*.rs",
             "jwks": %s, "access_token_lifetime": 300}
            """.formatted(clientId, jwks));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(SmartFlow.json(created))
        .containsEntry("grant_types", List.of("client_credentials"))
        .containsEntry("scope", "system/*.rs")
        .containsKey("jwks")
        .doesNotContainKey("client_secret");
  }

  @Test
  void badRequestNamingJwksUriWhenNotHttps() {
    assertBadRequest(
        app("").replace("client_secret_basic", "private_key_jwt").replace("\"scope\"", "\"jwks_uri\": \"http://keys.example/jwks\", \"scope\""),
        "jwks_uri",
        "jwks_uri must be an https URL");
  }

  @Test
  void goneWhenAdminDeletesClient() {
    admin.post("/api/admin/clients", app(""));

    assertThat(admin.delete("/api/admin/clients/" + clientId).statusCode()).isEqualTo(204);

    HttpResponse<String> read = admin.get("/api/admin/clients/" + clientId);
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(SmartFlow.json(read))
        .isEqualTo(Map.of("error", "not_found", "error_description", "no client " + clientId));
    assertThat(repository.findByClientId(clientId)).isNull();
  }

  @Test
  void listedWhenAdminListsClients() {
    admin.post("/api/admin/clients", app(""));

    List<Map<String, Object>> clients = AdminCalls.list(admin.get("/api/admin/clients"));

    assertThat(clients).anySatisfy(c -> assertThat(c).containsEntry("client_id", clientId));
  }

  @Test
  void badRequestNamingRedirectUrisWhenRedirectUriHasFragment() {
    assertBadRequest(
        app("").replace("https://ward.example/callback", "https://ward.example/callback#x"),
        "redirect_uris",
        "redirect URI must not have a fragment (RFC 6749 §3.1.2): https://ward.example/callback#x");
  }

  @Test
  void badRequestNamingLifetimeWhenAccessTokenOutlivesOneHour() {
    assertBadRequest(
        app(", \"access_token_lifetime\": 3601"),
        "access_token_lifetime",
        "access_token_lifetime must be 60 to 3600 seconds (at most 1 hour)");
  }

  @Test
  void badRequestNamingMethodWhenAuthMethodUnknown() {
    assertBadRequest(
        app("").replace("client_secret_basic", "client_secret_jwt"),
        "token_endpoint_auth_method",
        "token_endpoint_auth_method must be one of none, client_secret_basic, client_secret_post,"
            + " private_key_jwt");
  }

  @Test
  void badRequestNamingScopeWhenScopeUnknown() {
    assertBadRequest(
        app("").replace("launch/patient", "careconnect/everything"), "scope", "unknown scope careconnect/everything");
  }

  @Test
  void badRequestNamingJwksWhenPrivateKeyJwtHasNoKeys() {
    assertBadRequest(
        app("").replace("client_secret_basic", "private_key_jwt"), "jwks", "private_key_jwt needs jwks or jwks_uri");
  }

  @Test
  void badRequestWhenBodyIsNotJson() {
    HttpResponse<String> response = admin.post("/api/admin/clients", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(Map.of("error", "invalid_request", "error_description", "the body is not JSON of the expected shape"));
  }

  @Test
  void conflictWhenClientIdExists() {
    admin.post("/api/admin/clients", app(""));

    HttpResponse<String> again = admin.post("/api/admin/clients", app(""));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(SmartFlow.json(again))
        .isEqualTo(
            Map.of("error", "conflict", "error_description", "client " + clientId + " exists", "field", "client_id"));
  }

  private void assertBadRequest(String json, String field, String description) {
    HttpResponse<String> response = admin.post("/api/admin/clients", json);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(Map.of("error", "invalid_request", "error_description", description, "field", field));
    assertThat(repository.findByClientId(clientId)).isNull();
  }
}
