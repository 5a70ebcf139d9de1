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

/** RFC 7662 introspection and RFC 7009 revocation. */
@AuthServerIntegrationTest
class IntrospectionRevocationTest {

  static final String SCOPE = "openid fhirUser launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  @Test
  void smartClaimsWhenAccessTokenIsActive() {
    SmartFlow app = new SmartFlow(new Browser(port), fixtures.publicClient());
    String username = fixtures.patient("pat-i");
    Map<String, Object> tokens = SmartFlow.json(app.exchange(app.code(username, SCOPE)));
    Map<String, Object> claims = SmartFlow.claims((String) tokens.get("access_token"));

    HttpResponse<String> response = introspect((String) tokens.get("access_token"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    Map<String, Object> body = SmartFlow.json(response);
    assertThat(body)
        .containsEntry("active", true)
        .containsEntry("client_id", app.client.getClientId())
        .containsEntry("sub", username)
        .containsEntry("patient", "pat-i")
        .containsEntry("fhirUser", "Patient/pat-i")
        .containsEntry("token_type", "Bearer")
        .containsEntry("exp", ((Number) claims.get("exp")).intValue())
        .containsEntry("iat", ((Number) claims.get("iat")).intValue())
        .containsEntry("aud", java.util.List.of(Fixtures.FHIR_BASE));
    assertThat(((String) body.get("scope")).split(" "))
        .containsExactlyInAnyOrder("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs");
  }

  @Test
  void inactiveAtOnceWhenAccessTokenRevokedByItsClient() {
    SmartFlow app = new SmartFlow(new Browser(port), fixtures.confidentialClient("app-secret"));
    app.clientSecret = "app-secret";
    String accessToken = accessToken(app);
    assertThat(SmartFlow.json(introspect(accessToken))).containsEntry("active", true);

    HttpResponse<String> revoked =
        app.browser.post(
            "/oauth2/revoke",
            Map.of("token", accessToken),
            "Authorization",
            SmartFlow.basic(app.client.getClientId(), "app-secret"));
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(revoked.body()).isEmpty();

    assertThat(SmartFlow.json(introspect(accessToken))).isEqualTo(Map.of("active", false));
  }

  @Test
  void stillActiveWhenAnotherClientTriesToRevoke() {
    SmartFlow app = new SmartFlow(new Browser(port), fixtures.confidentialClient("app-secret"));
    app.clientSecret = "app-secret";
    String accessToken = accessToken(app);
    fixtures.confidentialClient("x");

    HttpResponse<String> refused =
        app.browser.post(
            "/oauth2/revoke",
            Map.of("token", accessToken),
            "Authorization",
            SmartFlow.basic(introspector().getClientId(), "caller-secret"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(refused)).isEqualTo(Map.of("error", "invalid_client"));
    assertThat(SmartFlow.json(introspect(accessToken))).containsEntry("active", true);
  }

  @Test
  void refreshRefusedWhenPublicClientRevokedItsRefreshTokenNamingItself() {
    SmartFlow app = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> tokens = SmartFlow.json(app.exchange(app.code(fixtures.patient("p"), SCOPE)));

    HttpResponse<String> revoked =
        app.browser.post(
            "/oauth2/revoke",
            Map.of("token", tokens.get("refresh_token"), "client_id", app.client.getClientId()));
    assertThat(revoked.statusCode()).isEqualTo(200);

    assertThat(SmartFlow.json(app.refresh((String) tokens.get("refresh_token"))))
        .isEqualTo(Map.of("error", "invalid_grant"));
    assertThat(SmartFlow.json(introspect((String) tokens.get("access_token"))))
        .isEqualTo(Map.of("active", false));
  }

  @Test
  void stillActiveWhenAnotherPublicClientNamesItselfToRevoke() {
    SmartFlow app = new SmartFlow(new Browser(port), fixtures.publicClient());
    String accessToken =
        (String) SmartFlow.json(app.exchange(app.code(fixtures.patient("p"), SCOPE))).get("access_token");

    HttpResponse<String> refused =
        app.browser.post(
            "/oauth2/revoke",
            Map.of("token", accessToken, "client_id", fixtures.publicClient().getClientId()));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(refused)).isEqualTo(Map.of("error", "invalid_client"));
    assertThat(SmartFlow.json(introspect(accessToken))).containsEntry("active", true);
  }

  @Test
  void inactiveWhenRefreshTokenFamilyRevokedByReuse() {
    SmartFlow app = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> first = SmartFlow.json(app.exchange(app.code(fixtures.patient("p"), SCOPE)));
    Map<String, Object> second = SmartFlow.json(app.refresh((String) first.get("refresh_token")));
    assertThat(SmartFlow.json(introspect((String) second.get("access_token")))).containsEntry("active", true);

    app.refresh((String) first.get("refresh_token"));

    assertThat(SmartFlow.json(introspect((String) second.get("access_token"))))
        .isEqualTo(Map.of("active", false));
  }

  @Test
  void inactiveWhenTokenIsUnknown() {
    assertThat(SmartFlow.json(introspect("not-a-token"))).isEqualTo(Map.of("active", false));
  }

  @Test
  void invalidClientWhenCallerIsNotAuthenticated() {
    HttpResponse<String> response =
        new Browser(port).post("/oauth2/introspect", Map.of("token", "anything"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(Map.of("error", "invalid_client"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  private org.springframework.security.oauth2.server.authorization.client.RegisteredClient caller;

  private org.springframework.security.oauth2.server.authorization.client.RegisteredClient introspector() {
    if (caller == null) {
      caller = fixtures.confidentialClient("caller-secret");
    }
    return caller;
  }

  private String accessToken(SmartFlow app) {
    return (String) SmartFlow.json(app.exchange(app.code(fixtures.patient("p"), SCOPE))).get("access_token");
  }

  private HttpResponse<String> introspect(String token) {
    introspector();
    return new Browser(port)
        .post(
            "/oauth2/introspect",
            Map.of("token", token),
            "Authorization",
            SmartFlow.basic(caller.getClientId(), "caller-secret"));
  }
}
