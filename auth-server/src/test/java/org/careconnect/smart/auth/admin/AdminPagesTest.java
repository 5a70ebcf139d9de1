package org.careconnect.smart.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages need a session with the ADMIN role, and a CSRF token on every form. */
@AuthServerIntegrationTest
class AdminPagesTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;

  @ParameterizedTest
  @ValueSource(strings = {"/admin/clients", "/admin/users", "/admin/consents", "/admin/tokens", "/admin/keys"})
  void loginPageWhenNotLoggedIn(String path) {
    HttpResponse<String> page = new Browser(port).get(path);

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(Browser.location(page)).isEqualTo("http://localhost:" + port + "/login");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin/clients", "/admin/users", "/admin/consents", "/admin/tokens", "/admin/keys"})
  void forbiddenWhenUserIsNotAdmin(String path) {
    Browser clinician = new Browser(port);
    clinician.login(fixtures.clinician("gp-3"), Fixtures.PASSWORD);

    assertThat(clinician.get(path).statusCode()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin/clients", "/admin/users", "/admin/consents", "/admin/tokens", "/admin/keys"})
  void pageWithNavigationWhenAdminOpensIt(String path) {
    HttpResponse<String> page = admin().get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<nav class=\"admin\" aria-label=\"Admin\">").contains("aria-current=\"page\"");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void forbiddenWhenFormPostedWithoutCsrfToken() {
    HttpResponse<String> attempt = admin().post("/admin/keys/rotate", Map.of());

    assertThat(attempt.statusCode()).isEqualTo(403);
  }

  @Test
  void errorNamingFieldShownWhenAdminCreatesClientWithFragment() {
    Browser admin = admin();
    String csrf = Browser.csrf(admin.get("/admin/clients").body());

    HttpResponse<String> answer =
        admin.post(
            "/admin/clients",
            Map.of(
                "client_id", "ui-" + UUID.randomUUID(), "token_endpoint_auth_method", "none",
                "redirect_uris", "https://app.example/cb#frag", "scope", "openid", "_csrf", csrf));
    HttpResponse<String> page = admin.get(Browser.location(answer));

    assertThat(page.body())
        .contains("<div class=\"error\" role=\"alert\">")
        .contains("redirect_uris: ")
        .contains("redirect URI must not have a fragment (RFC 6749 §3.1.2): https://app.example/cb#frag");
  }

  private Browser admin() {
    Browser admin = new Browser(port);
    assertThat(admin.login(AdminCalls.newAdmin(users), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return admin;
  }
}
