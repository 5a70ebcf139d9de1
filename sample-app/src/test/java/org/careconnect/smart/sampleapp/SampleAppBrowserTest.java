package org.careconnect.smart.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.careconnect.smart.sampleapp.support.HeadlessChromium;
import org.careconnect.smart.sampleapp.support.SmartServerStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app in headless Chromium against {@link SmartServerStub} (a FHIR and authorisation server
 * in one JDK HttpServer): the launch hands fhirclient what SMART 2.2 asks (PKCE S256, aud = iss),
 * the record shows what the granted scopes allow, and each failure has its clear message.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleAppBrowserTest {

  private static final SmartServerStub STUB = start();

  @DynamicPropertySource
  static void pointAtStub(DynamicPropertyRegistry registry) {
    registry.add("SAMPLE_APP_FHIR_BASE", STUB::fhirBase);
    registry.add("SAMPLE_APP_AUTH_ORIGINS", STUB::origin);
  }

  @LocalServerPort int port;
  @TempDir Path profile;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() {
    driver = HeadlessChromium.start(profile);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    StubRecord.load(STUB);
    STUB.refreshResponse(400, "{\"error\": \"invalid_grant\"}");
  }

  @AfterEach
  void stopChromium(TestInfo test) throws IOException {
    if (driver != null) {
      HeadlessChromium.screenshot(driver, test.getTestMethod().orElseThrow().getName());
      driver.quit();
    }
  }

  @AfterAll
  static void stopStub() {
    STUB.close();
  }

  @Test
  void indexWhenConsentDeniedThenSaysYouChoseNotToShare() {
    driver.get(app("index.html?error=access_denied&state=x"));
    assertThat(errorMessage()).isEqualTo("You chose not to share your record with this app.");
    assertThat(driver.findElement(By.id("record")).isDisplayed()).isFalse();
  }

  @Test
  void indexWhenNotLaunchedThenSaysHowToLaunch() {
    driver.get(app("index.html"));
    assertThat(errorMessage()).startsWith("This app has not been launched.");
  }

  @Test
  void launchPageWhenNoIssThenOffersTheConfiguredFhirServer() {
    driver.get(app("launch.html"));
    WebElement iss = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("iss")));
    assertThat(iss.getDomProperty("value")).isEqualTo(STUB.fhirBase());
  }

  @Test
  void standaloneLaunchWhenIssGivenThenPkceS256AudIsIssAndRecordShown() {
    driver.get(app("launch.html?iss=" + STUB.fhirBase()));
    waitForRecord();

    assertThat(STUB.lastAuthorize())
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "sample-app")
        .containsEntry("redirect_uri", app("index.html"))
        .containsEntry("aud", STUB.fhirBase())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "openid fhirUser launch/patient offline_access patient/*.rs")
        .doesNotContainKey("launch");
    assertThat(STUB.pkceVerified()).as("code_verifier hashes to code_challenge").isTrue();
    assertThat(STUB.lastToken()).containsEntry("client_id", "sample-app");

    assertThat(text("patient-name")).isEqualTo("SMITH, Jane");
    assertThat(text("patient-nhs-number")).isEqualTo("999 123 4567");
    assertThat(text("patient-birth-date")).isEqualTo("2 Mar 1970");
    assertThat(text("patient-gender")).isEqualTo("Female");
    List<WebElement> charts = driver.findElements(By.cssSelector("#vital-signs-chart figure"));
    assertThat(charts).extracting(c -> c.getDomAttribute("data-code")).containsExactly("55284-4", "8867-4");
    assertThat(driver.findElements(By.cssSelector("#vital-signs-chart canvas"))).hasSize(2);
    assertThat(state("conditions")).isEqualTo("not-shared");
    assertThat(text("conditions")).contains("Not shared with this app.");
    assertThat(state("medications")).isEqualTo("loaded");
    assertThat(text("medications")).contains("Ramipril 5mg capsules");
    assertThat(state("allergies")).isEqualTo("refused");
    assertThat(text("allergies")).contains("refused").contains("stub says no to allergies");
    assertThat(driver.findElements(By.cssSelector("#granted-scopes li")))
        .extracting(WebElement::getText)
        .contains("patient/Observation.rs", "offline_access");
    assertThat(text("token-expiry")).matches("(59:[0-5]\\d|1:00:00)");
    assertThat(driver.findElement(By.id("refresh-note")).isDisplayed()).isTrue();
  }

  @Test
  void ehrLaunchWhenLaunchGivenThenLaunchScopeSentAndBannerLeftToTheEhr() {
    STUB.tokenResponse(StubRecord.tokenResponse(false));
    driver.get(app("launch.html?iss=" + STUB.fhirBase() + "&launch=launch-123"));
    waitForRecord();

    assertThat(STUB.lastAuthorize())
        .containsEntry("launch", "launch-123")
        .containsEntry("aud", STUB.fhirBase())
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("scope", "openid fhirUser launch launch/patient offline_access patient/*.rs");
    assertThat(driver.findElement(By.id("patient-banner")).isDisplayed()).isFalse();
    assertThat(state("medications")).isEqualTo("loaded");
  }

  @Test
  void recordWhenAccessTokenExpiredThenRefreshedWithoutClientIdAndShown() {
    STUB.tokenResponse(StubRecord.tokenResponse(true, 5));
    STUB.refreshResponse(200, StubRecord.tokenResponse(true, 3600));
    driver.get(app("launch.html?iss=" + STUB.fhirBase()));
    waitForRecord();

    // A stock public fhirclient app refreshes with the refresh token alone (no client_id).
    assertThat(STUB.lastToken())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "stub-refresh-token")
        .doesNotContainKey("client_id");
    assertThat(text("token-expiry")).matches("(59:[0-5]\\d|1:00:00)");
    assertThat(state("medications")).isEqualTo("loaded");
  }

  @Test
  void recordWhenRefreshRefusedThenSaysTheSessionHasEnded() {
    STUB.tokenResponse(StubRecord.tokenResponse(true, 5));
    STUB.refreshResponse(400, "{\"error\": \"invalid_grant\"}");
    driver.get(app("launch.html?iss=" + STUB.fhirBase()));

    assertThat(errorMessage()).isEqualTo("Your session has ended, launch the app again.");
    assertThat(driver.findElement(By.id("record")).isDisplayed()).isFalse();
  }

  private void waitForRecord() {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Record loaded"));
  }

  private String errorMessage() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-message"))).getText();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private String state(String id) {
    return driver.findElement(By.id(id)).getDomAttribute("data-state");
  }

  private String app(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  private static SmartServerStub start() {
    try {
      return new SmartServerStub();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
