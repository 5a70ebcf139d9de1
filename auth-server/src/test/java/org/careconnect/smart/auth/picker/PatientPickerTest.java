package org.careconnect.smart.auth.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.launch.support.FhirStub;
import org.careconnect.smart.auth.launch.support.LaunchIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;

/**
 * SMART App Launch 2.2 §standalone launch with {@code launch/patient} (and {@code
 * launch/encounter}): a patient user gets their own record; a clinician picks a patient found by a
 * search of the FHIR server ({@link FhirStub}), and only a patient a search offered.
 */
class PatientPickerTest extends LaunchIntegrationTest {

  private static final String SCOPE = "openid fhirUser launch/patient patient/*.rs";
  private static final String WITH_ENCOUNTER = SCOPE + " launch/encounter";

  @Test
  void standaloneWhenPatientUserThenTokenCarriesTheirOwnPatient() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(SCOPE);

    HttpResponse<String> toApp = approve(flow, fixtures.patient("own-pat-1"), request);

    assertThat(Browser.location(toApp)).startsWith(FhirStub.shared().callbackUrl() + "?code=");
    assertThat(token(flow, toApp)).containsEntry("patient", "own-pat-1").doesNotContainKey("encounter");
  }

  @Test
  void standaloneWhenClinicianThenPickerAndThePickedPatientIsInTheToken() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(SCOPE);
    String pick = toPicker(flow, request);

    HttpResponse<String> results = flow.browser.get("/picker?pick=" + pick + "&name=smithson");
    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.body()).contains("2 patients found", "Jane Smithson", "John Smithson", "9434765870");
    HttpResponse<String> picked = choose(flow, results, pick, "pick-pat-2");

    assertThat(picked.statusCode()).isEqualTo(302);
    assertThat(path(flow, picked)).startsWith("/oauth2/authorize?");
    HttpResponse<String> toApp = consentIfAsked(flow, request, flow.browser.get(Browser.location(picked)));
    assertThat(token(flow, toApp)).containsEntry("patient", "pick-pat-2").doesNotContainKey("encounter");
  }

  @Test
  void pickerSearchWhenRequestHasAnIdThenTheFhirServerIsCalledWithIt() {
    SmartFlow flow = flow(app());
    String pick = toPicker(flow, flow.request(SCOPE));

    HttpResponse<String> results =
        flow.browser.get("/picker?pick=" + pick + "&name=smithson", "X-Request-Id", "picker-abc-1");

    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.headers().allValues("X-Request-Id")).containsExactly("picker-abc-1");
    assertThat(FhirStub.shared().lastRequestId()).isEqualTo("picker-abc-1");
  }

  @Test
  void pickerPageWhenShownThenFramableOnlyByTheLauncher() {
    SmartFlow flow = flow(app());
    String pick = toPicker(flow, flow.request(SCOPE));

    HttpResponse<String> page = flow.browser.get("/picker?pick=" + pick);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue("frame-ancestors http://localhost:9100");
    assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(page.body()).contains("Choose a patient");
  }

  @Test
  void pickerWhenChoiceHasNoCsrfTokenThen403AndNothingPicked() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(SCOPE);
    String pick = toPicker(flow, request);
    flow.browser.get("/picker?pick=" + pick + "&name=jane");

    HttpResponse<String> forged =
        flow.browser.post("/picker/patient", Map.of("pick", pick, "patient", "pick-pat-1"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(path(flow, flow.authorize(request))).startsWith("/picker?pick=");
  }

  @Test
  void pickerWhenSearchedByNhsNumberThenOnlyThatPatient() {
    SmartFlow flow = flow(app());
    String pick = toPicker(flow, flow.request(SCOPE));

    HttpResponse<String> results = flow.browser.get("/picker?pick=" + pick + "&nhsNumber=943+476+5919");

    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.body()).contains("1 patient found", "Jane Smithson").doesNotContain("John Smithson");
  }

  @Test
  void pickerWhenSearchedByBirthDateThenPatientsBornThatDay() {
    SmartFlow flow = flow(app());
    String pick = toPicker(flow, flow.request(SCOPE));

    HttpResponse<String> results = flow.browser.get("/picker?pick=" + pick + "&birthDate=1970-01-31");

    assertThat(results.body()).contains("2 patients found", "Jane Smithson", "Amira Okafor").doesNotContain("John");
  }

  @Test
  void pickerWhenPatientIdDidNotComeFromASearchThen400AndNoCode() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(SCOPE);
    String pick = toPicker(flow, request);
    HttpResponse<String> results = flow.browser.get("/picker?pick=" + pick + "&name=okafor");

    HttpResponse<String> forged = choose(flow, results, pick, "pick-pat-1");

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("Choose a patient from the search results.");
    // nothing was picked: the authorization request still leads to the picker, not to a code
    HttpResponse<String> again = flow.authorize(request);
    assertThat(path(flow, again)).startsWith("/picker?pick=");
  }

  @Test
  void standaloneWhenLaunchEncounterThenThePickedEncounterIsInTheToken() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(WITH_ENCOUNTER);
    String pick = toPicker(flow, request);
    HttpResponse<String> results = flow.browser.get("/picker?pick=" + pick + "&name=jane");
    HttpResponse<String> toEncounters = choose(flow, results, pick, "pick-pat-1");
    assertThat(path(flow, toEncounters)).isEqualTo("/picker/encounter?pick=" + pick);

    HttpResponse<String> encounters = flow.browser.get(Browser.location(toEncounters));
    assertThat(encounters.body()).contains("Choose an encounter", "Outpatient consultation", "Emergency admission");
    HttpResponse<String> forged =
        flow.browser.post(
            "/picker/encounter",
            Map.of("pick", pick, "encounter", "someone-elses", "_csrf", Browser.csrf(encounters.body())));
    assertThat(forged.statusCode()).isEqualTo(400);
    HttpResponse<String> picked =
        flow.browser.post(
            "/picker/encounter",
            Map.of("pick", pick, "encounter", "pick-enc-2", "_csrf", Browser.csrf(encounters.body())));

    HttpResponse<String> toApp = consentIfAsked(flow, request, flow.browser.get(Browser.location(picked)));
    assertThat(token(flow, toApp))
        .containsEntry("patient", "pick-pat-1")
        .containsEntry("encounter", "pick-enc-2");
  }

  @Test
  void pickerWhenFhirServerFailsThen502PageNamingTheProblem() {
    SmartFlow flow = flow(app());
    String pick = toPicker(flow, flow.request(SCOPE));

    HttpResponse<String> failed = flow.browser.get("/picker?pick=" + pick + "&name=" + FhirStub.FAILING_NAME);

    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.body()).contains("Patient search is not available at the moment.");
  }

  @Test
  void pickerWhenNhsNumberMalformedThen400WithoutSearching() {
    SmartFlow flow = flow(app());
    String pick = toPicker(flow, flow.request(SCOPE));

    HttpResponse<String> refused = flow.browser.get("/picker?pick=" + pick + "&nhsNumber=12345");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("An NHS number has 10 digits.");
  }

  @Test
  void pickerWhenPickUnknownThen400() {
    Browser browser = new Browser(port);
    browser.login(fixtures.clinician("prac-p"), Fixtures.PASSWORD);

    HttpResponse<String> page = browser.get("/picker?pick=not-a-pick");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("This patient selection has ended.");
  }

  @Test
  void standaloneWhenPromptNoneThenNoPickerPage() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request(SCOPE);
    request.put("prompt", "none");
    flow.browser.login(fixtures.clinician("prac-silent"), Fixtures.PASSWORD);

    HttpResponse<String> answer = flow.authorize(request);

    // OpenID Connect: no page at all; this app needs consent, so the app hears consent_required
    assertThat(Browser.location(answer)).startsWith(FhirStub.shared().callbackUrl() + "?");
    assertThat(Browser.query(Browser.location(answer))).containsEntry("error", "consent_required");
  }

  @Test
  void pickerWhenNotLoggedInThenLoginPage() {
    HttpResponse<String> page = new Browser(port).get("/picker?pick=x");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(Browser.location(page)).endsWith("/login");
  }

  /** Logs a new clinician in and sends the request: the picker's pick id. */
  private String toPicker(SmartFlow flow, Map<String, String> request) {
    assertThat(flow.browser.login(fixtures.clinician("prac-picker"), Fixtures.PASSWORD).statusCode())
        .isEqualTo(302);
    HttpResponse<String> toPicker = flow.authorize(request);
    assertThat(toPicker.statusCode()).isEqualTo(302);
    assertThat(path(flow, toPicker)).startsWith("/picker?pick=");
    return Browser.query(Browser.location(toPicker)).get("pick");
  }

  /** A redirect's Location without this server's origin. */
  private static String path(SmartFlow flow, HttpResponse<String> redirect) {
    String location = Browser.location(redirect);
    return location.startsWith(flow.browser.base())
        ? location.substring(flow.browser.base().length())
        : location;
  }

  private static HttpResponse<String> choose(
      SmartFlow flow, HttpResponse<String> results, String pick, String patient) {
    return flow.browser.post(
        "/picker/patient",
        Map.of("pick", pick, "patient", patient, "_csrf", Browser.csrf(results.body())));
  }

}
