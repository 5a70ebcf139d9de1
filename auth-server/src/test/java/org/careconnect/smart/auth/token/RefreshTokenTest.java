package org.careconnect.smart.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2). */
@AuthServerIntegrationTest
class RefreshTokenTest {

  static final String SCOPE = "openid fhirUser launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private Map<String, Object> firstTokens(SmartFlow flow) {
    HttpResponse<String> response = flow.exchange(flow.code(fixtures.patient("pat-r"), SCOPE));
    assertThat(response.statusCode()).isEqualTo(200);
    return SmartFlow.json(response);
  }

  @Test
  void newTokensAndRotatedRefreshTokenWhenPublicClientRefreshesWithoutClientId() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = firstTokens(flow);

    HttpResponse<String> response = flow.refresh((String) first.get("refresh_token"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    Map<String, Object> second = SmartFlow.json(response);
    assertThat(second)
        .containsKeys("access_token", "refresh_token")
        .containsEntry("token_type", "Bearer")
        .containsEntry("patient", "pat-r")
        // OIDC Core 12.2: no new ID token unless the refresh asks for openid (decision 0013)
        .doesNotContainKey("id_token");
    assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
    assertThat(second.get("access_token")).isNotEqualTo(first.get("access_token"));
  }

  @Test
  void newIdTokenWhenRefreshRequestNamesOpenid() throws Exception {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = firstTokens(flow);
    // a refresh without openid first: the ID token kept then is still the one renewed below
    Map<String, Object> second = SmartFlow.json(flow.refresh((String) first.get("refresh_token")));
    assertThat(second).doesNotContainKey("id_token");

    HttpResponse<String> response =
        flow.browser.post(
            "/oauth2/token",
            Map.of(
                "grant_type", "refresh_token",
                "refresh_token", (String) second.get("refresh_token"),
                "scope", SCOPE));
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> third = SmartFlow.json(response);
    assertThat(third).containsKeys("access_token", "refresh_token", "id_token");
    assertThat(third.get("id_token")).isNotEqualTo(first.get("id_token"));
    Map<String, Object> before = SmartFlow.claims((String) first.get("id_token"));
    Map<String, Object> renewed = SmartFlow.claims((String) third.get("id_token"));
    assertThat(renewed)
        .containsEntry("sub", before.get("sub"))
        .containsEntry("iss", before.get("iss"))
        .containsEntry("aud", before.get("aud"))
        .containsEntry("fhirUser", before.get("fhirUser"));
  }

  @Test
  void refreshWorksWhenPublicClientSendsItsOwnClientId() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = firstTokens(flow);

    HttpResponse<String> response = refreshNaming(flow, first, flow.client.getClientId());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void invalidGrantWhenPublicClientNamesAnotherClient() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = firstTokens(flow);

    HttpResponse<String> response =
        refreshNaming(flow, first, fixtures.publicClient().getClientId());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.of(
                "error", "invalid_grant",
                "error_description", "The refresh token was issued to another client"));
  }

  @Test
  void wholeFamilyRevokedWhenSpentRefreshTokenIsReused() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = firstTokens(flow);
    Map<String, Object> second = SmartFlow.json(flow.refresh((String) first.get("refresh_token")));

    HttpResponse<String> reuse = flow.refresh((String) first.get("refresh_token"));
    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(reuse)).isEqualTo(Map.of("error", "invalid_grant"));
    assertThat(reuse.headers().firstValue("Cache-Control")).hasValue("no-store");

    HttpResponse<String> newest = flow.refresh((String) second.get("refresh_token"));
    assertThat(newest.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(newest)).isEqualTo(Map.of("error", "invalid_grant"));
  }

  @Test
  void onlyInvalidGrantWhenSpentTokenReusedAfterItsRecordExpired() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = firstTokens(flow);
    Map<String, Object> second = SmartFlow.json(flow.refresh((String) first.get("refresh_token")));
    RefreshTokenFamilies.forgetSpentBefore(jdbc, java.time.Instant.now().plusSeconds(1));

    assertThat(SmartFlow.json(flow.refresh((String) first.get("refresh_token"))))
        .isEqualTo(Map.of("error", "invalid_grant"));
    assertThat(flow.refresh((String) second.get("refresh_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void invalidClientWhenConfidentialClientRefreshesWithoutCredentials() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.confidentialClient("s3cret"));
    flow.clientSecret = "s3cret";
    Map<String, Object> first = firstTokens(flow);

    HttpResponse<String> response = flow.refresh((String) first.get("refresh_token"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).containsEntry("error", "invalid_client");

    HttpResponse<String> authenticated =
        flow.browser.post(
            "/oauth2/token",
            Map.of("grant_type", "refresh_token", "refresh_token", first.get("refresh_token")),
            "Authorization",
            SmartFlow.basic(flow.client.getClientId(), "s3cret"));
    assertThat(authenticated.statusCode()).isEqualTo(200);
  }

  @Test
  void invalidGrantWhenRefreshTokenUnknown() {
    HttpResponse<String> response =
        new Browser(port)
            .post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", "nope"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response)).isEqualTo(Map.of("error", "invalid_grant"));
  }

  private static HttpResponse<String> refreshNaming(
      SmartFlow flow, Map<String, Object> tokens, String clientId) {
    return flow.browser.post(
        "/oauth2/token",
        Map.of(
            "grant_type", "refresh_token",
            "refresh_token", tokens.get("refresh_token"),
            "client_id", clientId));
  }
}
