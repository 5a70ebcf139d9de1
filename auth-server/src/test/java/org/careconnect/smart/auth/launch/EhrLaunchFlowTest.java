package org.careconnect.smart.auth.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.launch.support.FhirStub;
import org.careconnect.smart.auth.launch.support.LaunchIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * SMART App Launch 2.2 §EHR launch: the app sends the launch id it was given with scope {@code
 * launch}; the launch resolves once, for its own app and user, before it expires, and its context
 * arrives with the access token.
 */
class EhrLaunchFlowTest extends LaunchIntegrationTest {

  private static final String SCOPE = "openid fhirUser launch patient/*.rs";
  private static final String CONTEXT =
      "\"patient\":\"Patient/pat-42\",\"encounter\":\"enc-7\",\"need_patient_banner\":true,"
          + "\"smart_style_url\":\"https://ehr.example.org/style.json\","
          + "\"fhirContext\":[\"DocumentReference/doc-1\","
          + "{\"reference\":\"Observation/obs-1\",\"role\":\"https://example.org/role/focus\"}]";

  @Autowired JdbcTemplate jdbc;

  @Test
  void ehrLaunchWhenValidThenTokenResponseCarriesTheLaunchContext() {
    RegisteredClient app = app();
    SmartFlow flow = flow(app);
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launchFor(app, CONTEXT));

    HttpResponse<String> toApp = approve(flow, fixtures.clinician("prac-1"), request);

    Map<String, Object> token = token(flow, toApp);
    assertThat(token)
        .containsEntry("patient", "pat-42")
        .containsEntry("encounter", "enc-7")
        .containsEntry("need_patient_banner", true)
        .containsEntry("smart_style_url", "https://ehr.example.org/style.json")
        .containsEntry(
            "fhirContext",
            List.of(
                Map.of("reference", "DocumentReference/doc-1"),
                Map.of("reference", "Observation/obs-1", "role", "https://example.org/role/focus")));
    assertThat(((String) token.get("scope")).split(" ")).contains("launch");
    assertThat(SmartFlow.claims((String) token.get("access_token")))
        .containsEntry("patient", "pat-42")
        .containsEntry("encounter", "enc-7");
  }

  @Test
  void ehrLaunchWhenLaunchIdUsedTwiceThenInvalidRequestAndNoCode() {
    RegisteredClient app = app();
    String launch = launchFor(app, CONTEXT);
    String clinician = fixtures.clinician("prac-2");
    SmartFlow first = flow(app);
    Map<String, String> firstRequest = first.request(SCOPE);
    firstRequest.put("launch", launch);
    assertThat(Browser.query(Browser.location(approve(first, clinician, firstRequest))))
        .containsKey("code");

    SmartFlow second = flow(app);
    Map<String, String> secondRequest = second.request(SCOPE);
    secondRequest.put("launch", launch);
    HttpResponse<String> refused = approve(second, clinician, secondRequest);

    assertRefused(refused, "launch has already been used");
  }

  @Test
  void ehrLaunchWhenExpiredThenInvalidRequestAndNoCode() {
    RegisteredClient app = app();
    String launch = launchFor(app, CONTEXT);
    // as if its lifetime had passed
    jdbc.update(
        "UPDATE smart_launch SET expires_at = ? WHERE launch_id = ?",
        System.currentTimeMillis() - 1,
        launch);
    SmartFlow flow = flow(app);
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launch);

    assertRefused(flow.authorize(request), "launch has expired");
  }

  @Test
  void ehrLaunchWhenLaunchIsForAnotherClientThenInvalidRequestAndLaunchStillValid() {
    RegisteredClient intended = app();
    String launch = launchFor(intended, CONTEXT);
    SmartFlow other = flow(app());
    Map<String, String> otherRequest = other.request(SCOPE);
    otherRequest.put("launch", launch);

    assertRefused(other.authorize(otherRequest), "launch was registered for another client");

    SmartFlow own = flow(intended);
    Map<String, String> ownRequest = own.request(SCOPE);
    ownRequest.put("launch", launch);
    HttpResponse<String> toApp = approve(own, fixtures.clinician("prac-3"), ownRequest);
    assertThat(token(own, toApp)).containsEntry("patient", "pat-42");
  }

  @Test
  void ehrLaunchWhenLaunchScopeWithoutLaunchParameterThenInvalidRequest() {
    SmartFlow flow = flow(app());

    assertRefused(
        flow.authorize(flow.request(SCOPE)),
        "scope launch requires the launch parameter of an EHR launch");
  }

  @Test
  void ehrLaunchWhenLaunchIdUnknownThenInvalidRequest() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", "made-up-launch-id");

    assertRefused(flow.authorize(request), "launch is not a known EHR launch");
  }

  @Test
  void ehrLaunchWhenRegisteredForAnotherUserThenInvalidRequestAfterLogin() {
    RegisteredClient app = app();
    SmartFlow flow = flow(app);
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launchFor(app, "\"patient\":\"pat-44\",\"user\":\"Practitioner/other\""));

    assertRefused(approve(flow, fixtures.clinician("prac-4"), request), "launch was registered for another user");
  }

  @Test
  void ehrLaunchWhenRegisteredForTheLoggedInUsersFhirUserThenContext() {
    RegisteredClient app = app();
    SmartFlow flow = flow(app);
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launchFor(app, "\"patient\":\"pat-45\",\"user\":\"Practitioner/prac-5\""));

    HttpResponse<String> toApp = approve(flow, fixtures.clinician("prac-5"), request);

    assertThat(token(flow, toApp)).containsEntry("patient", "pat-45").doesNotContainKey("encounter");
  }

  @Test
  void ehrLaunchWhenLaunchScopeClearedAtConsentThenNoContext() {
    RegisteredClient app = app();
    SmartFlow flow = flow(app);
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launchFor(app, CONTEXT));
    assertThat(flow.browser.login(fixtures.clinician("prac-6"), Fixtures.PASSWORD).statusCode())
        .isEqualTo(302);
    HttpResponse<String> toConsent = flow.authorize(request);

    HttpResponse<String> toApp =
        flow.consent(Browser.location(toConsent), List.of("openid", "fhirUser", "patient/*.rs"), false);

    assertThat(Browser.location(toApp)).startsWith(FhirStub.shared().callbackUrl());
    assertThat(token(flow, toApp)).doesNotContainKeys("patient", "encounter", "fhirContext");
  }
}
