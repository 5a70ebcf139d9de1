package org.careconnect.smart.auth.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.careconnect.smart.auth.launch.support.FhirStub;
import org.careconnect.smart.auth.launch.support.LaunchIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Chromium;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The patient picker in a real browser (Debian's headless Chromium), used with the keyboard only:
 * a clinician signs in, searches by name, chooses a patient, allows access, and the app gets a
 * code whose token carries the chosen patient. Screenshots go to {@code target/screenshots/}.
 */
class PatientPickerBrowserTest extends LaunchIntegrationTest {

  @TempDir Path profile;
  private Chromium chromium;
  private WebDriver driver;

  @BeforeEach
  void startChromium() {
    // A missing browser fails the test, never skips it: the picker must be seen to work.
    chromium = Chromium.start(profile);
    driver = chromium.driver();
  }

  @AfterEach
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void pickerWhenClinicianUsesTheKeyboardThenAppGetsTheChosenPatient() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request("openid fhirUser launch/patient patient/*.rs");
    String clinician = fixtures.clinician("prac-browser");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

    driver.get(flow.browser.base() + "/oauth2/authorize?" + Browser.encode(request));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(clinician);
    driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);

    wait.until(ExpectedConditions.titleContains("Choose a patient"));
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
    driver.findElement(By.id("name")).sendKeys("smithson", Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
    assertThat(driver.findElement(By.id("results-title")).getText()).isEqualTo("2 patients found");
    chromium.screenshot("patient-picker-results");
    driver.findElement(By.id("choose-pick-pat-1")).sendKeys(Keys.ENTER);

    wait.until(ExpectedConditions.urlContains("/oauth2/consent"));
    driver.findElement(By.cssSelector("#approve button[type=submit]")).sendKeys(Keys.ENTER);

    wait.until(ExpectedConditions.urlContains(FhirStub.shared().callbackUrl()));
    chromium.screenshot("patient-picker-final");
    String code = Browser.query(driver.getCurrentUrl()).get("code");
    assertThat(code).isNotNull();
    Map<String, Object> token = SmartFlow.json(flow.exchange(code));
    assertThat(token).containsEntry("patient", "pick-pat-1");
  }
}
