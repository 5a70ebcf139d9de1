package org.careconnect.smart.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/** {@code /api/admin/users}: create, update (role, fhirUser, password), disable, delete. */
@AuthServerIntegrationTest
class AdminUserApiTest {

  @LocalServerPort int port;
  @Autowired UserDirectory users;
  AdminCalls admin;
  String username;

  @BeforeEach
  void asAdmin() {
    admin = AdminCalls.as(port, AdminCalls.newAdmin(users), Fixtures.PASSWORD);
    username = "nurse-" + UUID.randomUUID();
  }

  private HttpResponse<String> createNurse() {
    return admin.post(
        "/api/admin/users",
        """
        {"username": "%s", "password": "%s", "kind": "CLINICIAN", "fhir_user": "Practitioner/n-1",
         "display_name": "Nurse"}
        """.formatted(username, Fixtures.PASSWORD));
  }

  @Test
  void createdAndCanLogInWhenAdminCreatesUser() {
    HttpResponse<String> created = createNurse();

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(SmartFlow.json(created))
        .isEqualTo(
            Map.of(
                "username", username, "kind", "CLINICIAN", "fhir_user", "Practitioner/n-1",
                "display_name", "Nurse", "enabled", true, "admin", false));
    assertThat(new Browser(port).login(username, Fixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  @Test
  void newPasswordAndAdminRoleWhenAdminUpdatesUser() {
    createNurse();

    HttpResponse<String> updated =
        admin.put(
            "/api/admin/users/" + username,
            "{\"password\": \"another long passphrase\", \"admin\": true, \"fhir_user\": \"Practitioner/n-2\"}");

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(SmartFlow.json(updated)).containsEntry("admin", true).containsEntry("fhir_user", "Practitioner/n-2");
    assertThat(AdminCalls.as(port, username, "another long passphrase").get("/api/admin/users").statusCode())
        .isEqualTo(200);
  }

  @Test
  void cannotLogInWhenAdminDisablesUser() {
    createNurse();

    admin.put("/api/admin/users/" + username, "{\"enabled\": false}");

    assertThat(new Browser(port).login(username, Fixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
  }

  @Test
  void goneWhenAdminDeletesUser() {
    createNurse();

    assertThat(admin.delete("/api/admin/users/" + username).statusCode()).isEqualTo(204);

    HttpResponse<String> read = admin.get("/api/admin/users/" + username);
    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(SmartFlow.json(read))
        .isEqualTo(Map.of("error", "not_found", "error_description", "no user " + username));
  }

  @Test
  void badRequestNamingPasswordWhenTooShort() {
    assertBadRequest(
        "{\"username\": \"%s\", \"password\": \"short\", \"fhir_user\": \"Practitioner/x\"}".formatted(username),
        "password",
        "password must be 12 to 200 characters");
  }

  @Test
  void badRequestNamingFhirUserWhenPatientIsLinkedToPractitioner() {
    assertBadRequest(newUser("PATIENT"), "fhir_user", "a PATIENT is a Patient/..., a CLINICIAN is not");
  }

  @Test
  void badRequestNamingKindWhenKindUnknown() {
    assertBadRequest(newUser("WIZARD"), "kind", "kind must be CLINICIAN or PATIENT");
  }

  private String newUser(String kind) {
    return "{\"username\": \"%s\", \"password\": \"%s\", \"kind\": \"%s\", \"fhir_user\": \"Practitioner/x\"}"
        .formatted(username, Fixtures.PASSWORD, kind);
  }

  private void assertBadRequest(String json, String field, String description) {
    HttpResponse<String> response = admin.post("/api/admin/users", json);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(Map.of("error", "invalid_request", "error_description", description, "field", field));
    assertThat(users.list()).noneMatch(u -> u.username().equals(username));
  }
}
