package org.careconnect.smart.auth.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.launch.support.LaunchIntegrationTest;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** {@code POST /api/launch}: who may call it, what it checks, what it answers. */
class LaunchApiTest extends LaunchIntegrationTest {

  @Test
  void launchApiWhenNoCredentialsThen401InvalidClient() {
    HttpResponse<String> response = postLaunch(null, "{\"client_id\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"launch\"");
  }

  @Test
  void launchApiWhenWrongSecretThen401InvalidClient() {
    RegisteredClient ehr = ehr("careconnect/launch");
    HttpResponse<String> response =
        postLaunch(SmartFlow.basic(ehr.getClientId(), "not-the-secret"), "{\"client_id\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
  }

  @Test
  void launchApiWhenClientLacksLaunchApiScopeThen403InsufficientScope() {
    RegisteredClient notAnEhr = ehr("system/*.rs");
    RegisteredClient app = app();

    HttpResponse<String> response =
        registerLaunch(notAnEhr, "{\"client_id\":\"" + app.getClientId() + "\"}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"insufficient_scope\","
                + "\"error_description\":\"the client is not allowed scope careconnect/launch\"}");
  }

  @Test
  void launchApiWhenValidThenAnswersRandomSingleUseIdAndLifetime() {
    RegisteredClient ehr = ehr("careconnect/launch");
    RegisteredClient app = app();
    String body = "{\"client_id\":\"" + app.getClientId() + "\",\"patient\":\"Patient/pat-1\"}";

    HttpResponse<String> first = registerLaunch(ehr, body);
    HttpResponse<String> second = registerLaunch(ehr, body);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
    Map<String, Object> launch = SmartFlow.json(first);
    assertThat(launch).containsOnlyKeys("launch", "expires_in").containsEntry("expires_in", 300);
    // 32 random bytes, base64url without padding: 43 URL-safe characters, 256 bits
    assertThat((String) launch.get("launch")).matches("[A-Za-z0-9_-]{43}");
    assertThat(SmartFlow.json(second).get("launch")).isNotEqualTo(launch.get("launch"));
  }

  @Test
  void launchApiWhenTargetClientUnknownThen400InvalidRequest() {
    HttpResponse<String> response =
        registerLaunch(ehr("careconnect/launch"), "{\"client_id\":\"no-such-app\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"invalid_request\","
                + "\"error_description\":\"client_id no-such-app is not a registered client\"}");
  }

  @Test
  void launchApiWhenTargetClientNotAllowedLaunchScopeThen400InvalidRequest() {
    RegisteredClient app = app(List.of("openid", "launch/patient", "patient/*.rs"));

    HttpResponse<String> response =
        registerLaunch(ehr("careconnect/launch"), "{\"client_id\":\"" + app.getClientId() + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .containsEntry("error", "invalid_request")
        .containsEntry(
            "error_description",
            "client " + app.getClientId() + " is not allowed the launch scope, so it cannot use an EHR launch");
  }

  @Test
  void launchApiWhenClientIdMissingThen400InvalidRequest() {
    HttpResponse<String> response =
        registerLaunch(ehr("careconnect/launch"), "{\"patient\":\"pat-1\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"client_id is required\"}");
  }

  @Test
  void launchApiWhenBodyIsNotJsonThen400InvalidRequest() {
    HttpResponse<String> response = registerLaunch(ehr("careconnect/launch"), "patient=1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"invalid_request\","
                + "\"error_description\":\"the body must be a JSON object of launch context\"}");
  }

  @Test
  void launchApiWhenFieldsInvalidThen400NamingTheField() {
    RegisteredClient ehr = ehr("careconnect/launch");
    RegisteredClient app = app();
    String client = "\"client_id\":\"" + app.getClientId() + "\",";

    assertThat(SmartFlow.json(registerLaunch(ehr, "{" + client + "\"patient\":\"a b\"}")))
        .containsEntry("error_description", "patient must be a FHIR id or Patient/<id>");
    assertThat(SmartFlow.json(registerLaunch(ehr, "{" + client + "\"encounter\":\"Patient/1\"}")))
        .containsEntry("error_description", "encounter must be a FHIR id or Encounter/<id>");
    assertThat(SmartFlow.json(registerLaunch(ehr, "{" + client + "\"smart_style_url\":\"javascript:x\"}")))
        .containsEntry("error_description", "smart_style_url must be an absolute http(s) URL");
    assertThat(SmartFlow.json(registerLaunch(ehr, "{" + client + "\"fhirContext\":[\"not a reference\"]}")))
        .containsEntry(
            "error_description",
            "each fhirContext item must be a reference (Type/id) or an object with reference,"
                + " canonical or identifier");
  }

  @Test
  void launchApiWhenSimulatedErrorOutsideDemoProfileThen400InvalidRequest() {
    HttpResponse<String> response =
        registerLaunch(
            ehr("careconnect/launch"),
            "{\"client_id\":\"" + app().getClientId() + "\",\"simulated_error\":\"expired_token\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"invalid_request\",\"error_description\":\"simulated_error is accepted"
                + " only when the authorisation server runs the demo profile\"}");
  }

  @Test
  void launchApiWhenSkipLoginOrSkipConsentOutsideDemoProfileThen400InvalidRequest() {
    String clinician = fixtures.clinician("prac-skip");
    for (String option : List.of("skip_login", "skip_consent")) {
      HttpResponse<String> response =
          registerLaunch(
              ehr("careconnect/launch"),
              "{\"client_id\":\"" + app().getClientId() + "\",\"user\":\"" + clinician + "\",\""
                  + option + "\":true}");

      assertThat(response.statusCode()).as(option).isEqualTo(400);
      assertThat(response.body())
          .isEqualTo(
              "{\"error\":\"invalid_request\",\"error_description\":\"" + option
                  + " is accepted only when the authorisation server runs the demo profile\"}");
    }
  }

  @Test
  void launchApiWhenShortcutsFalseOutsideDemoProfileThenRegistered() {
    HttpResponse<String> response =
        registerLaunch(
            ehr("careconnect/launch"),
            "{\"client_id\":\"" + app().getClientId() + "\",\"skip_login\":false,\"skip_consent\":false}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
