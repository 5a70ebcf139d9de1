package org.careconnect.smart.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Form login: CSRF, framing, failures, lock-out per username and address. */
@AuthServerIntegrationTest
class LoginTest {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  @Test
  void loginPageWithCsrfTokenAndLauncherOnlyFraming() {
    HttpResponse<String> page = new Browser(port).get("/login");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Browser.csrf(page.body())).isNotBlank();
    assertThat(page.body()).contains("<label for=\"username\">Username</label>");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue("frame-ancestors http://localhost:9100");
    assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
  }

  @Test
  void forbiddenWhenLoginPostedWithoutCsrfToken() {
    String user = fixtures.patient("p");
    HttpResponse<String> response =
        new Browser(port).post("/login", Map.of("username", user, "password", Fixtures.PASSWORD));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void redirectHomeWhenPasswordRight() {
    Browser browser = new Browser(port);
    HttpResponse<String> response = browser.login(fixtures.patient("p"), Fixtures.PASSWORD);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(Browser.location(response)).isEqualTo(browser.base() + "/");
  }

  @Test
  void loginErrorWhenPasswordWrong() {
    Browser browser = new Browser(port);
    HttpResponse<String> response = browser.login(fixtures.patient("p"), "wrong");

    assertThat(Browser.location(response)).isEqualTo(browser.base() + "/login?error");
    assertThat(browser.get("/login?error").body()).contains("The username or password is not right");
  }

  @Test
  void lockedOutWhenFiveFailuresEvenWithTheRightPassword() {
    Browser browser = new Browser(port);
    String user = fixtures.patient("p");
    for (int i = 0; i < 5; i++) {
      assertThat(Browser.location(browser.login(user, "wrong-" + i)))
          .isEqualTo(browser.base() + "/login?error");
    }

    HttpResponse<String> sixth = browser.login(user, Fixtures.PASSWORD);
    assertThat(Browser.location(sixth)).isEqualTo(browser.base() + "/login?locked");
    assertThat(browser.get("/login?locked").body()).contains("Too many failed attempts");
  }

  @Test
  void notLockedWhenFourFailuresThenRightPassword() {
    Browser browser = new Browser(port);
    String user = fixtures.patient("p");
    for (int i = 0; i < 4; i++) {
      browser.login(user, "wrong-" + i);
    }

    assertThat(Browser.location(browser.login(user, Fixtures.PASSWORD))).isEqualTo(browser.base() + "/");
  }

  @Test
  void otherUserNotLockedWhenOneUserIsLockedOut() {
    Browser browser = new Browser(port);
    String locked = fixtures.patient("p");
    for (int i = 0; i < 5; i++) {
      browser.login(locked, "wrong");
    }

    assertThat(Browser.location(new Browser(port).login(fixtures.patient("q"), Fixtures.PASSWORD)))
        .isEqualTo(browser.base() + "/");
  }
}
