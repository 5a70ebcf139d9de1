package org.careconnect.smart.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Chromium;
import org.careconnect.smart.auth.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login page in headless Chromium, with the keyboard: a wrong password, then the right one. */
@AuthServerIntegrationTest
class LoginBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @TempDir Path profile;

  @Test
  void errorShownWhenPasswordWrongThenPageOpensWhenPasswordRight() {
    String patient = fixtures.patient("p-browser");
    try (Chromium chromium = Chromium.start(profile)) {
      WebDriver driver = chromium.driver();
      driver.get("http://localhost:" + port + "/account/approvals");
      chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      assertThat(driver.getTitle()).isEqualTo("Sign in - CareConnect SMART");

      driver.findElement(By.id("username")).sendKeys(patient);
      driver.findElement(By.id("password")).sendKeys("not the password", Keys.ENTER);
      chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
      assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
          .isEqualTo("The username or password is not right. Check them and try again.");
      chromium.screenshot("login-wrong-password");

      driver.findElement(By.id("username")).sendKeys(patient);
      driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
      chromium.await().until(ExpectedConditions.titleIs("Your approvals - CareConnect SMART"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Apps you have approved");
      chromium.screenshot("login-final");
    }
  }
}
