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
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The admin pages need a session with the ADMIN role, and a CSRF token on every form. */
@AuthServerIntegrationTest
class AdminPagesTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;
  @Autowired RegisteredClientRepository repository;

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
  void eachSignerShownWithWhatItSignsWhenAdminOpensKeys() {
    HttpResponse<String> page = admin().get("/admin/keys");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<td>access tokens (ES256)</td>").contains("<td>ID tokens (RS256)</td>");
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

  @Test
  void restrictedScopeGrantedWhenAdminSavesClientForm() {
    Browser admin = admin();
    String clientId = fixtures.publicClient().getClientId();
    HttpResponse<String> form = admin.get("/admin/clients/" + clientId);
    assertThat(form.body()).contains("<h1>Client " + clientId + "</h1>").contains("https://app.example/callback");

    HttpResponse<String> saved =
        admin.post(
            "/admin/clients/" + clientId,
            Map.of(
                "token_endpoint_auth_method", "none", "redirect_uris", "https://app.example/callback",
                "scope", "openid careconnect/launch", "access_token_lifetime", "600",
                "refresh_token_lifetime", "3600", "_csrf", Browser.csrf(form.body())));

    assertThat(Browser.location(saved)).endsWith("/admin/clients/" + clientId);
    assertThat(admin.get(Browser.location(saved)).body()).contains("Client " + clientId + " saved");
    assertThat(repository.findByClientId(clientId).getScopes()).containsExactlyInAnyOrder("openid", "careconnect/launch");
    assertThat(repository.findByClientId(clientId).getTokenSettings().getAccessTokenTimeToLive().toSeconds()).isEqualTo(600);
  }

  @Test
  void adminRoleGivenWhenAdminSavesUserForm() {
    Browser admin = admin();
    String clinician = fixtures.clinician("gp-4");
    HttpResponse<String> form = admin.get("/admin/users/" + clinician);

    admin.post(
        "/admin/users/" + clinician,
        Map.of(
            "kind", "CLINICIAN", "fhir_user", "Practitioner/gp-5", "admin", "true", "password", "",
            "_csrf", Browser.csrf(form.body())));

    assertThat(users.get(clinician).admin()).isTrue();
    assertThat(users.get(clinician).fhirUser()).isEqualTo("Practitioner/gp-5");
  }

  private Browser admin() {
    Browser admin = new Browser(port);
    assertThat(admin.login(AdminCalls.newAdmin(users), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return admin;
  }
}
