package org.careconnect.smart.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Chromium;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The admin pages in headless Chromium: an admin signs in, creates a client, revokes a token. */
@AuthServerIntegrationTest
class AdminBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;
  @Autowired RegisteredClientRepository repository;
  @TempDir Path profile;

  @Test
  void clientCreatedAndTokenInactiveWhenAdminUsesThePages() {
    SmartFlow flow = SmartFlow.confidential(port, fixtures, "app-secret");
    RegisteredClient app = flow.client;
    String patient = fixtures.patient("p-admin-ui");
    String accessToken =
        (String) SmartFlow.json(flow.exchange(flow.code(patient, "openid patient/*.rs"))).get("access_token");
    String admin = AdminCalls.newAdmin(users);
    String newClient = "ui-" + UUID.randomUUID();

    try (Chromium chromium = Chromium.start(profile)) {
      WebDriver driver = chromium.driver();
      driver.get(flow.browser.base() + "/admin");
      chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
      driver.findElement(By.id("username")).sendKeys(admin);
      driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
      chromium.await().until(ExpectedConditions.titleIs("Clients - CareConnect SMART"));

      driver.findElement(By.id("client_id")).sendKeys(newClient);
      driver.findElement(By.id("client_name")).sendKeys("Ward round app");
      new Select(driver.findElement(By.id("method"))).selectByValue("client_secret_basic");
      driver.findElement(By.id("redirect_uris")).sendKeys("https://ward.example/callback");
      driver.findElement(By.id("access")).clear();
      driver.findElement(By.id("access")).sendKeys("900");
      driver.findElement(By.id("access")).sendKeys(Keys.ENTER);
      chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("client-secret")));
      assertThat(driver.findElement(By.cssSelector(".status")).getText()).isEqualTo("Client " + newClient + " created");
      assertThat(repository.findByClientId(newClient).getTokenSettings().getAccessTokenTimeToLive().toSeconds())
          .isEqualTo(900);
      chromium.screenshot("admin-client-created");

      driver.findElement(By.linkText("Tokens")).sendKeys(Keys.ENTER);
      chromium.await().until(ExpectedConditions.titleIs("Tokens - CareConnect SMART"));
      driver
          .findElement(By.cssSelector("button[aria-label='Revoke token of " + app.getClientId() + " for " + patient + "']"))
          .sendKeys(Keys.ENTER);
      chromium.await().until(ExpectedConditions.textToBe(By.cssSelector(".status"), "Token revoked"));
      chromium.screenshot("admin-final");
    }

    assertThat(flow.introspect(accessToken)).isEqualTo(Map.of("active", false));
  }
}
