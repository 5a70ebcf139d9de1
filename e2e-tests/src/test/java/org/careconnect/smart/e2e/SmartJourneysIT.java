package org.careconnect.smart.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.e2e.support.Browser;
import org.careconnect.smart.e2e.support.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import java.net.http.HttpResponse;
import org.careconnect.smart.e2e.support.ExpiredTokenProbe;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The six SMART journeys of issue 5 in headless Chromium, through the real fhir-server,
 * auth-server, smart-launcher and sample-app (one shared {@link Stack}). Each journey starts in a
 * fresh browser profile and saves its last page in {@code target/screenshots/<journey>.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmartJourneysIT {

  static final String CLINICIAN = "clinician";
  static final String CLINICIAN_PASSWORD = "clinician-demo-password";
  static final String PATIENT1 = "patient1";
  static final String PATIENT_PASSWORD = "patient-demo-password";

  static Stack stack;

  @BeforeAll
  static void startStack() {
    stack = Stack.get();
  }

  @Test
  @Order(1)
  void providerEhrLaunchFromTheLauncherThenAppShowsThePatientNhsNumberAndVitalSignChart() throws Exception {
    journey("1-provider-ehr-launch", browser -> {
      // The launcher with demo-pat-1 chosen, the defaults otherwise: provider EHR launch as the
      // clinician, the sample app, banner on. "Launch in EHR frame".
      browser.driver.get(stack.launcher.origin() + "/?patient=demo-pat-1");
      browser.visible("launch-frame").click();

      String ehrName = browser.visible("banner-name").getText();
      String ehrNhs = browser.text("banner-nhs");
      assertThat(ehrNhs).matches("\\d{3} \\d{3} \\d{4}");
      assertThat(browser.driver.findElement(By.id("app-frame")).getAttribute("src")).contains("launch=");

      browser.driver.switchTo().frame("app-frame");
      browser.logIn(CLINICIAN, CLINICIAN_PASSWORD); // the auth server's pages, inside the frame
      browser.allow();
      browser.awaitRecordLoaded();

      assertThat(browser.visible("patient-banner").isDisplayed()).isTrue();
      String family = ehrName.substring(ehrName.lastIndexOf(' ') + 1); // launcher: "Given FAMILY"
      assertThat(browser.text("patient-name")).as("app banner vs EHR banner %s", ehrName)
          .startsWith(family.toUpperCase() + ",");
      assertThat(browser.text("patient-nhs-number")).isEqualTo(ehrNhs);
      assertThat(section(browser, "vital-signs")).isEqualTo("loaded");
      List<WebElement> charts = browser.driver.findElements(By.cssSelector("#vital-signs-chart figure[data-code]"));
      assertThat(charts).as("one chart per vital sign").isNotEmpty();
      assertThat(charts.get(0).findElements(By.tagName("canvas"))).hasSize(1);
      assertThat(charts.get(0).findElements(By.cssSelector("table[data-testid=vital-table] tbody tr"))).isNotEmpty();
      assertThat(scopes(browser)).contains("launch", "patient/Observation.rs");
    });
  }

  @Test
  @Order(2)
  void patientStandaloneLaunchWithConditionsClearedAtConsentThenOnlyGrantedTypesShown() throws Exception {
    journey("2-patient-standalone-scope-cleared", browser -> {
      patientStandaloneLaunch(browser, "patient/Condition.rs");

      assertThat(browser.text("patient-name")).isNotBlank();
      assertThat(browser.text("patient-nhs-number")).matches("\\d{3} \\d{3} \\d{4}");
      assertThat(scopes(browser)).contains("patient/Observation.rs", "patient/AllergyIntolerance.rs")
          .doesNotContain("patient/Condition.rs");
      assertThat(section(browser, "conditions")).isEqualTo("not-shared");
      assertThat(browser.text("conditions")).contains("Not shared with this app.");
      assertThat(browser.driver.findElements(By.cssSelector("#conditions tbody tr"))).isEmpty();
      assertThat(section(browser, "vital-signs")).isEqualTo("loaded");
      assertThat(section(browser, "medications")).isIn("loaded", "empty");
      assertThat(section(browser, "allergies")).isIn("loaded", "empty");
    });
  }

  @Test
  @Order(3)
  void clinicianStandaloneLaunchWithThePatientPickerThenAppShowsThePickedPatient() throws Exception {
    journey("3-clinician-standalone-picker", browser -> {
      // The patient to pick (demo data is random per seed): its NHS number from the launcher.
      browser.driver.get(stack.launcher.origin() + "/?patient=demo-pat-2");
      WebElement chosen = browser.await().until(d -> d.findElement(By.xpath("//p[starts-with(normalize-space(), 'Chosen:')]")));
      String nhs = chosen.findElement(By.tagName("span")).getText();
      assertThat(nhs).matches("\\d{3} \\d{3} \\d{4}");

      browser.driver.get(stack.standaloneLaunch());
      browser.logIn(CLINICIAN, CLINICIAN_PASSWORD);
      browser.visible("nhsNumber").sendKeys(nhs.replace(" ", ""));
      browser.driver.findElement(By.id("search")).click();
      browser.visible("choose-demo-pat-2").click();
      browser.allow();
      browser.awaitRecordLoaded();

      assertThat(browser.text("patient-nhs-number")).isEqualTo(nhs);
      assertThat(browser.text("patient-name")).isNotBlank();
      assertThat(section(browser, "vital-signs")).isEqualTo("loaded");
    });
  }

  @Test
  @Order(4)
  void patientDeniesConsentThenAppShowsAccessDenied() throws Exception {
    journey("4-consent-denied", browser -> {
      browser.driver.get(stack.standaloneLaunch());
      browser.logIn(PATIENT1, PATIENT_PASSWORD);
      browser.deny();

      WebElement error = browser.visible("error-message");
      assertThat(error.getText()).contains("You chose not to share your record with this app.");
      assertThat(browser.driver.getCurrentUrl()).contains("error=access_denied");
      assertThat(browser.driver.findElement(By.id("record")).isDisplayed()).isFalse();
    });
  }

  @Test
  @Order(5)
  void accessTokenExpiresThenAppRefreshesAndKeepsWorking() throws Exception {
    journey("5-token-expiry-refresh", browser -> {
      patientStandaloneLaunch(browser);
      assertThat(browser.visible("refresh-note").isDisplayed()).isTrue();
      long firstExpiry = expiresAt(browser);
      assertThat(firstExpiry - Instant.now().getEpochSecond())
          .as("token lifetime as configured").isLessThanOrEqualTo(Stack.ACCESS_TOKEN_LIFETIME.toSeconds() + 5);

      // wait (bounded) until the access token has expired; the countdown says so
      browser.await().withTimeout(Stack.ACCESS_TOKEN_LIFETIME.plusSeconds(60))
          .until(d -> Instant.now().getEpochSecond() > firstExpiry + 1 && browser.text("token-expiry").equals("expired"));

      reloadRecord(browser);
      browser.await().until(d -> expiresAt(browser) > firstExpiry);
      assertThat(browser.driver.findElement(By.id("error-message")).isDisplayed()).isFalse();
      assertThat(expiresAt(browser)).isGreaterThan(Instant.now().getEpochSecond());
      assertThat(browser.text("token-expiry")).matches("\\d+:\\d{2}");
      assertThat(section(browser, "vital-signs")).isEqualTo("loaded");
      assertThat(browser.driver.findElements(By.cssSelector("#vital-signs-chart figure[data-code]"))).isNotEmpty();
      assertThat(browser.text("patient-name")).isNotBlank();
    });
  }

  @Test
  @Order(6)
  void patientContextAppRequestingAnotherPatientWithItsOwnTokenThenRefused() throws Exception {
    journey("6-other-patient-refused", browser -> {
      patientStandaloneLaunch(browser);
      if (expiresAt(browser) - Instant.now().getEpochSecond() < 15) { // a fresh token for the probes
        reloadRecord(browser);
      }

      // "Editing the request": the page's own fetch, with the app's token from sessionStorage
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) browser.asyncScript("""
          const done = arguments[arguments.length - 1];
          const state = JSON.parse(sessionStorage.getItem(JSON.parse(sessionStorage.getItem('SMART_KEY'))));
          const get = (path) => fetch(state.serverUrl + '/' + path, {headers: {
              Authorization: 'Bearer ' + state.tokenResponse.access_token, Accept: 'application/fhir+json'}})
            .then(async (r) => ({status: r.status, body: await r.text()}));
          Promise.all([get('Patient/' + state.tokenResponse.patient), get('Patient/demo-pat-2'),
                       get('Observation?patient=demo-pat-2'), get('Observation?subject=Patient/demo-pat-2')])
            .then(([own, other, observations, bySubject]) => {
              const pre = document.createElement('pre');
              pre.id = 'e2e-probe';
              pre.textContent = 'Own Patient: ' + own.status + '\\nPatient/demo-pat-2: ' + other.status
                + '\\nObservation?patient=demo-pat-2: ' + observations.status
                + '\\nObservation?subject=Patient/demo-pat-2: ' + bySubject.status;
              document.body.prepend(pre);
              done({patient: state.tokenResponse.patient, own, other, observations, bySubject});
            }, (e) => done({error: String(e)}));
          """);
      assertThat(result).doesNotContainKey("error");
      assertThat(result.get("patient")).isEqualTo("demo-pat-1");
      assertThat(status(result, "own")).as("control: its own patient").isEqualTo(200);
      assertThat(status(result, "other")).isEqualTo(403);
      assertThat(body(result, "other")).doesNotContain("\"resourceType\":\"Patient\"");
      for (String search : List.of("observations", "bySubject")) {
        int status = status(result, search);
        assertThat(status).as(search).isEqualTo(403);
        // narrowed to the own compartment, the other patient's id makes the search refused: never an Observation
        assertThat(body(result, search)).as(search).doesNotContain("\"resourceType\":\"Observation\"");
      }
    });
  }

  @Test
  @Order(7)
  void providerEhrLaunchSkippingLoginAndConsentThenAppShowsThePatientWithoutEitherPage() throws Exception {
    journey("7-skip-login-and-consent", browser -> {
      browser.driver.get(stack.launcher.origin() + "/?patient=demo-pat-1");
      // keyboard only: tick both demo shortcuts, then "Launch in EHR frame"
      browser.visible("skipLogin").sendKeys(Keys.SPACE);
      browser.driver.findElement(By.id("skipConsent")).sendKeys(Keys.SPACE);
      assertThat(browser.driver.findElement(By.id("skipLogin")).isSelected()).isTrue();
      assertThat(browser.driver.findElement(By.id("skipConsent")).isSelected()).isTrue();
      browser.driver.findElement(By.id("launch-frame")).sendKeys(Keys.ENTER);

      String ehrNhs = browser.visible("banner-nhs").getText();
      browser.driver.switchTo().frame("app-frame");
      // no logIn, no allow: the record loads, or this times out on the login or consent page
      browser.awaitRecordLoaded();

      // the frame's own address (getCurrentUrl is the top page's)
      assertThat((String) browser.script("return location.href")).startsWith(stack.app.origin() + "/index.html");
      assertThat(browser.text("patient-nhs-number")).isEqualTo(ehrNhs);
      assertThat(browser.text("patient-name")).isNotBlank();
      assertThat(section(browser, "vital-signs")).isEqualTo("loaded");
      assertThat(scopes(browser)).contains("launch", "patient/Observation.rs");
    });
  }

  @Test
  @Order(8)
  void simulatedInvalidScopeAndMissingPkceThenAppShowsTheAuthorisationServersRefusal() throws Exception {
    journey("8-simulated-authorization-errors", browser -> {
      Map<String, String> expected = Map.of(
          "INVALID_SCOPE", "(invalid_scope: the requested scope is invalid (simulated error of this demo launch))",
          "MISSING_PKCE", "(invalid_request: OAuth 2.0 Parameter: code_challenge)");
      for (String error : List.of("INVALID_SCOPE", "MISSING_PKCE")) {
        browser.driver.get(stack.launcher.origin() + "/launch?type=PROVIDER_EHR&patient=demo-pat-1&open=TAB&error=" + error);

        WebElement message = browser.visible("error-message");
        assertThat(message.getText()).as(error)
            .isEqualTo("The authorisation server refused the launch " + expected.get(error) + ".");
        assertThat(browser.driver.findElement(By.id("record")).isDisplayed()).isFalse();
      }
    });
  }

  @Test
  @Order(9)
  void simulatedExpiredTokenThenFhirServerRefusesItAndTheAppRefreshes() throws Exception {
    // Over HTTP, as the app would: the token of such a launch is refused by the real FHIR server.
    Map<String, String> token = ExpiredTokenProbe.tokenOfALaunch(stack, "error=EXPIRED_TOKEN&skipLogin=true&skipConsent=true");
    HttpResponse<String> refused = ExpiredTokenProbe.read(stack.fhirBase() + "/Patient/demo-pat-1", token.get("access_token"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
    assertThat(token.get("expires_in")).isEqualTo("0");

    // The sample app (offline_access granted) refreshes before its first call and carries on.
    journey("9-simulated-expired-token", browser -> {
      browser.driver.get(stack.launcher.origin()
          + "/launch?type=PROVIDER_EHR&patient=demo-pat-1&open=TAB&error=EXPIRED_TOKEN&skipLogin=true&skipConsent=true");
      browser.awaitRecordLoaded();
      assertThat(expiresAt(browser)).as("a refreshed token").isGreaterThan(Instant.now().getEpochSecond());
      assertThat(section(browser, "vital-signs")).isEqualTo("loaded");
    });
  }

  /** Runs a journey in a fresh browser; its last page, pass or fail, is saved as a screenshot. */
  private static void journey(String screenshot, Steps steps) throws Exception {
    try (Browser browser = new Browser()) {
      try {
        steps.run(browser);
      } finally {
        browser.driver.switchTo().defaultContent();
        browser.screenshot(screenshot);
      }
    }
  }

  interface Steps {
    void run(Browser browser) throws Exception;
  }

  /** Standalone launch as patient1: login, consent without the cleared scopes, record loaded. */
  private static void patientStandaloneLaunch(Browser browser, String... clearedScopes) {
    browser.driver.get(stack.standaloneLaunch());
    browser.logIn(PATIENT1, PATIENT_PASSWORD);
    browser.allow(clearedScopes);
    browser.awaitRecordLoaded();
  }

  /** The app's "Reload" (refreshing the token first when needed); waits for the new record. */
  private static void reloadRecord(Browser browser) {
    String before = browser.text("status");
    browser.driver.findElement(By.id("reload")).click();
    browser.await().until(d -> !browser.text("status").equals(before) && browser.text("status").contains("Record loaded"));
    if (browser.driver.findElement(By.id("error-message")).isDisplayed()) {
      throw new AssertionError("The app shows an error: " + browser.text("error-message"));
    }
  }

  private static String section(Browser browser, String id) {
    return browser.driver.findElement(By.id(id)).getAttribute("data-state");
  }

  private static List<String> scopes(Browser browser) {
    return browser.driver.findElements(By.cssSelector("#granted-scopes li[data-scope]")).stream()
        .map(li -> li.getAttribute("data-scope")).toList();
  }

  private static long expiresAt(Browser browser) {
    return Long.parseLong(browser.driver.findElement(By.id("token-expiry")).getAttribute("data-expires-at"));
  }

  @SuppressWarnings("unchecked")
  private static int status(Map<String, Object> result, String key) {
    return ((Number) ((Map<String, Object>) result.get(key)).get("status")).intValue();
  }

  @SuppressWarnings("unchecked")
  private static String body(Map<String, Object> result, String key) {
    return String.valueOf(((Map<String, Object>) result.get(key)).get("body"));
  }
}
