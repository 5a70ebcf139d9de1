package org.careconnect.smart.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** {@code /api/admin/tokens}, {@code /consents}, {@code /keys}, {@code /scopes}. */
@AuthServerIntegrationTest
class AdminGrantApiTest {

  static final String SCOPE = "openid launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;
  AdminCalls admin;

  @BeforeEach
  void asAdmin() {
    admin = AdminCalls.as(port, AdminCalls.newAdmin(users), Fixtures.PASSWORD);
  }

  @Test
  void inactiveAtIntrospectionWhenAdminRevokesToken() {
    SmartFlow flow = SmartFlow.confidential(port, fixtures, "app-secret");
    RegisteredClient client = flow.client;
    String patient = fixtures.patient("p-7");
    Map<String, Object> tokens = SmartFlow.json(flow.exchange(flow.code(patient, SCOPE)));
    String accessToken = (String) tokens.get("access_token");

    Map<String, Object> listed =
        AdminCalls.list(admin.get("/api/admin/tokens")).stream()
            .filter(t -> patient.equals(t.get("username")))
            .findFirst()
            .orElseThrow();
    assertThat(listed)
        .containsEntry("client_id", client.getClientId())
        .containsEntry("scopes", List.of("launch/patient", "offline_access", "openid", "patient/*.rs"))
        .containsKeys("id", "access_token_expires_at", "refresh_token_expires_at");
    assertThat(flow.introspect(accessToken)).containsEntry("active", true);

    HttpResponse<String> revoked = admin.delete("/api/admin/tokens/" + listed.get("id"));

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(flow.introspect(accessToken)).isEqualTo(Map.of("active", false));
    assertThat(flow.introspect((String) tokens.get("refresh_token"))).isEqualTo(Map.of("active", false));
    assertThat(AdminCalls.list(admin.get("/api/admin/tokens")))
        .noneSatisfy(t -> assertThat(t).containsEntry("id", listed.get("id")));
  }

  @Test
  void notFoundJsonWhenRevokingUnknownToken() {
    HttpResponse<String> response = admin.delete("/api/admin/tokens/no-such-id");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(SmartFlow.json(response))
        .isEqualTo(Map.of("error", "not_found", "error_description", "no authorization no-such-id"));
  }

  @Test
  void consentListedByUserAndByClientThenRevokedWhenAdminRevokes() {
    RegisteredClient client = fixtures.publicClient();
    SmartFlow flow = new SmartFlow(new Browser(port), client);
    String patient = fixtures.patient("p-8");
    flow.code(patient, "openid patient/*.rs", List.of("openid", "patient/*.rs"), true);

    List<Map<String, Object>> byUser = AdminCalls.list(admin.get("/api/admin/consents?username=" + patient));
    assertThat(byUser).hasSize(1);
    assertThat(byUser.get(0))
        .containsEntry("client_id", client.getClientId())
        .containsEntry("username", patient)
        .containsEntry("remembered", true)
        .containsEntry(
            "scopes",
            List.of(
                Map.of("value", "openid", "words", describe("openid")),
                Map.of("value", "patient/*.rs", "words", describe("patient/*.rs"))));
    assertThat(AdminCalls.list(admin.get("/api/admin/consents?client_id=" + client.getClientId())))
        .isEqualTo(byUser);

    HttpResponse<String> revoked =
        admin.delete("/api/admin/consents?username=" + patient + "&client_id=" + client.getClientId());

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(AdminCalls.list(admin.get("/api/admin/consents?username=" + patient))).isEmpty();
  }

  @Test
  void badRequestNamingFieldWhenConsentRevocationLacksClient() {
    HttpResponse<String> response = admin.delete("/api/admin/consents?username=someone");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.of(
                "error", "invalid_request",
                "error_description", "username and client_id are required",
                "field", "client_id"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void newSignersListedAndOldOnesRetiredWhenAdminRotatesKeys() {
    Map<String, String> before = signers();

    HttpResponse<String> rotated = admin.post("/api/admin/keys/rotate", "");

    assertThat(rotated.statusCode()).isEqualTo(201);
    Map<String, String> kids = (Map<String, String>) SmartFlow.json(rotated).get("kids");
    assertThat(kids).containsOnlyKeys("ES256", "RS256");
    assertThat(kids.values()).doesNotContainAnyElementsOf(before.values());
    assertThat(signers()).isEqualTo(kids);
    assertThat(AdminCalls.list(admin.get("/api/admin/keys")))
        .anySatisfy(k -> assertThat(k).containsEntry("kid", before.get("ES256")).containsEntry("alg", "ES256")
            .containsEntry("signing", false).containsKey("retired_at"))
        .anySatisfy(k -> assertThat(k).containsEntry("kid", before.get("RS256")).containsEntry("alg", "RS256")
            .containsEntry("signing", false).containsKey("retired_at"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void supportedAndCustomScopesInPlainWordsWhenAdminListsScopes() {
    Map<String, Object> scopes = SmartFlow.json(admin.get("/api/admin/scopes"));

    assertThat((List<Object>) scopes.get("scopes_supported"))
        .contains((Object) Map.of("value", "patient/*.rs", "words", describe("patient/*.rs")));
    assertThat((List<?>) scopes.get("custom_scopes"))
        .isEqualTo(List.of(
            Map.of("value", "careconnect/launch", "words", describe("careconnect/launch")),
            Map.of("value", "careconnect/audit", "words", describe("careconnect/audit"))));
  }

  /** The keys that sign now, kid by algorithm. */
  private Map<String, String> signers() {
    return AdminCalls.list(admin.get("/api/admin/keys")).stream()
        .filter(k -> Boolean.TRUE.equals(k.get("signing")))
        .collect(java.util.stream.Collectors.toMap(k -> (String) k.get("alg"), k -> (String) k.get("kid")));
  }

  private static String describe(String scope) {
    return org.careconnect.smart.scope.ScopeParser.parse(scope).describe();
  }
}
