package org.careconnect.smart.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every admin API resource refuses callers without credentials (401) and non-admins (403). */
@AuthServerIntegrationTest
class AdminApiAccessTest {

  static final Map<String, Object> UNAUTHORIZED =
      Map.of("error", "unauthorized", "error_description", "admin credentials are required (HTTP Basic)");
  static final Map<String, Object> FORBIDDEN =
      Map.of("error", "forbidden", "error_description", "the ADMIN role is required");

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;

  @ParameterizedTest
  @ValueSource(strings = {"/api/admin/clients", "/api/admin/users", "/api/admin/scopes",
      "/api/admin/consents", "/api/admin/tokens", "/api/admin/keys"})
  void unauthorizedJsonWhenNoCredentials(String path) {
    HttpResponse<String> response = AdminCalls.anonymous(port).get(path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(UNAUTHORIZED);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"admin\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/admin/clients", "/api/admin/users", "/api/admin/tokens", "/api/admin/keys"})
  void unauthorizedJsonWhenAdminPasswordWrong(String path) {
    String admin = AdminCalls.newAdmin(users);

    HttpResponse<String> response = AdminCalls.as(port, admin, "not the password").get(path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(UNAUTHORIZED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/admin/clients", "/api/admin/users", "/api/admin/scopes",
      "/api/admin/consents", "/api/admin/tokens", "/api/admin/keys"})
  void forbiddenJsonWhenUserIsNotAdmin(String path) {
    String clinician = fixtures.clinician("gp-9");

    HttpResponse<String> response = AdminCalls.as(port, clinician, Fixtures.PASSWORD).get(path);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(SmartFlow.json(response)).isEqualTo(FORBIDDEN);
  }

  @org.junit.jupiter.api.Test
  void forbiddenJsonWhenNonAdminTriesToRotateKeys() {
    HttpResponse<String> response =
        AdminCalls.as(port, fixtures.patient("p-9"), Fixtures.PASSWORD).post("/api/admin/keys/rotate", "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(SmartFlow.json(response)).isEqualTo(FORBIDDEN);
  }
}
