package org.careconnect.smart.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.launch.support.FhirStub;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Chromium;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The consent page in headless Chromium: the user clears one box, and the token the app gets for
 * the code lacks that scope (granted = requested ∩ client-allowed ∩ user-approved).
 */
@AuthServerIntegrationTest
class ConsentBrowserTest {

  static final String SCOPE = "openid launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @TempDir Path profile;

  @Test
  void tokenLacksScopeWhenUserClearsItsCheckbox() {
    String callback = FhirStub.shared().callbackUrl();
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient(List.of(callback), Fixtures.APP_SCOPES));
    String patient = fixtures.patient("p-consent");
    try (Chromium chromium = Chromium.start(profile)) {
      WebDriver driver = chromium.driver();
      driver.get(flow.browser.base() + "/oauth2/authorize?" + Browser.encode(flow.request(SCOPE)));
      chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys(patient);
      driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);

      chromium.await().until(ExpectedConditions.urlContains("/oauth2/consent"));
      // Keyboard only: focus the offline_access box and clear it with the space bar.
      driver.findElement(By.cssSelector("input[name=scope][value=offline_access]")).sendKeys(Keys.SPACE);
      assertThat(driver.findElement(By.cssSelector("input[name=scope][value=offline_access]")).isSelected()).isFalse();
      driver.findElement(By.cssSelector("#approve button[type=submit]")).sendKeys(Keys.ENTER);

      chromium.await().until(ExpectedConditions.urlContains(callback));
      chromium.screenshot("consent-final");
      String code = Browser.query(driver.getCurrentUrl()).get("code");
      Map<String, Object> token = SmartFlow.json(flow.exchange(code));

      assertThat(Fixtures.scopes((String) token.get("scope")))
          .isEqualTo(Fixtures.scopes("openid launch/patient patient/*.rs"));
      assertThat(token).doesNotContainKey("refresh_token");
    }
  }
}
