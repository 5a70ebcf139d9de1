package org.careconnect.smart.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Errors are plain pages or RFC JSON, never a stack trace. */
@AuthServerIntegrationTest
class ErrorPageTest {

  @LocalServerPort int port;

  @Test
  void plainErrorPageWhenAuthorizationRequestHasNoClient() {
    HttpResponse<String> response =
        new Browser(port).get("/oauth2/authorize?response_type=code", "Accept", "text/html");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<h1>There is a problem</h1>")
        .contains("Error 400")
        .doesNotContain("at org.")
        .doesNotContain("Whitelabel");
  }

  @Test
  void invalidClientJsonWhenUnknownClientAuthenticates() {
    HttpResponse<String> response =
        new Browser(port)
            .post(
                "/oauth2/token",
                Map.of("grant_type", "password", "username", "u", "password", "p"),
                "Authorization",
                SmartFlow.basic("nobody", "nothing"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(SmartFlow.invalidClient("client_id"));
  }

  @Test
  void loginPageWhenUnknownPathRequestedWithoutSession() {
    Browser browser = new Browser(port);
    HttpResponse<String> response = browser.get("/no/such/page", "Accept", "text/html");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(Browser.location(response)).isEqualTo(browser.base() + "/login");
  }
}
