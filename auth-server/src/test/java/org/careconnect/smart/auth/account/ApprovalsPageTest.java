package org.careconnect.smart.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.careconnect.smart.scope.ScopeParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** {@code /account/approvals}: a user's own approvals, in plain words, revocable; nobody else's. */
@AuthServerIntegrationTest
class ApprovalsPageTest {

  static final String SCOPE = "openid launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Approvals approvals;

  @Test
  void ownApprovalListedInPlainWordsWhenUserOpensThePage() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    flow.code(fixtures.patient("p-1"), SCOPE, List.of(SCOPE.split(" ")), true);

    HttpResponse<String> page = flow.browser.get("/account/approvals");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h2 id=\"app-0\">Test public app</h2>")
        .contains("<li>" + html(ScopeParser.parse("patient/*.rs").describe()) + "</li>")
        .contains("<li>" + html(ScopeParser.parse("offline_access").describe()) + "</li>")
        .contains("name=\"_csrf\"")
        .contains("value=\"" + flow.client.getClientId() + "\"");
  }

  @Test
  void consentGoneAndTokensInactiveWhenUserRevokes() {
    SmartFlow flow = SmartFlow.confidential(port, fixtures, "app-secret");
    RegisteredClient client = flow.client;
    String patient = fixtures.patient("p-2");
    Map<String, Object> tokens =
        SmartFlow.json(flow.exchange(flow.code(patient, SCOPE, List.of(SCOPE.split(" ")), true)));

    HttpResponse<String> revoked = revoke(flow.browser, client.getClientId());

    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(Browser.location(revoked)).endsWith("/account/approvals?revoked");
    assertThat(approvals.ofUser(patient)).isEmpty();
    for (String token : List.of((String) tokens.get("access_token"), (String) tokens.get("refresh_token"))) {
      assertThat(flow.introspect(token)).isEqualTo(Map.of("active", false));
    }
  }

  @Test
  void otherUsersApprovalUntouchedAndUnseenWhenUserNamesItsApp() {
    SmartFlow victim = new SmartFlow(new Browser(port), fixtures.publicClient());
    String owner = fixtures.patient("p-3");
    victim.code(owner, SCOPE, List.of(SCOPE.split(" ")), true);
    Browser other = new Browser(port);
    assertThat(other.login(fixtures.patient("p-4"), Fixtures.PASSWORD).statusCode()).isEqualTo(302);

    HttpResponse<String> page = other.get("/account/approvals");
    HttpResponse<String> attempt = revoke(other, victim.client.getClientId());

    assertThat(page.body()).doesNotContain(victim.client.getClientId()).contains("You have not approved any app.");
    assertThat(Browser.location(attempt)).endsWith("/account/approvals?unknown");
    assertThat(approvals.ofUser(owner)).extracting(Approvals.Approval::clientId)
        .containsExactly(victim.client.getClientId());
  }

  @Test
  void forbiddenWhenRevokePostedWithoutCsrfToken() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    String patient = fixtures.patient("p-5");
    flow.code(patient, SCOPE, List.of(SCOPE.split(" ")), true);

    HttpResponse<String> attempt =
        flow.browser.post("/account/approvals/revoke", Map.of("client_id", flow.client.getClientId()));

    assertThat(attempt.statusCode()).isEqualTo(403);
    assertThat(approvals.ofUser(patient)).hasSize(1);
  }

  @Test
  void loginPageWhenNotLoggedIn() {
    HttpResponse<String> page = new Browser(port).get("/account/approvals");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(Browser.location(page)).isEqualTo("http://localhost:" + port + "/login");
  }

  private static String html(String text) {
    return text.replace("'", "&#39;");
  }

  /** Posts the revocation form, with the session's CSRF token (from the login page). */
  private static HttpResponse<String> revoke(Browser browser, String clientId) {
    String page = browser.get("/login").body();
    return browser.post(
        "/account/approvals/revoke", Map.of("client_id", clientId, "_csrf", Browser.csrf(page)));
  }
}
