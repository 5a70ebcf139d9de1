package org.careconnect.smart.auth.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.service.mariadb.MariaDbServer;
import org.careconnect.smart.service.mariadb.MariaDbTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the mysql profile, a stopped database makes the token endpoint answer 503 with the OAuth
 * error {@code temporarily_unavailable} and the authorization page and a posted login form answer
 * 503 with the error page,
 * within seconds (not a hang, not a 500); readiness goes DOWN; once the database is back the
 * server answers normally by itself. On a MariaDB server of its own (scripts/mariadb.sh).
 */
class DatabaseOutageTest {

  static final String UNAVAILABLE_JSON =
      "{\"error\":\"temporarily_unavailable\",\"error_description\":"
          + "\"The authorization server's database is unavailable. Try again shortly.\"}";
  /** Hikari's connection-timeout is 3 s; this leaves a loaded machine its margin. */
  static final Duration BOUNDED_ANSWER = Duration.ofSeconds(15);

  @TempDir Path dir;

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
    try (MariaDbServer database = MariaDbServer.start(dir.resolve("mariadb"));
        ConfigurableApplicationContext server = start(database)) {
      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      Browser browser = new Browser(port);
      // A load balancer's probe: no session cookie (the browser's session lives in the database).
      Browser probe = new Browser(port);
      assertThat(token(browser).statusCode()).as("an unknown client").isEqualTo(401);
      assertThat(readiness(probe).statusCode()).isEqualTo(200);
      String csrf = Browser.csrf(browser.get("/login").body());

      database.stop();

      HttpResponse<String> token = token(browser);
      assertThat(token.statusCode()).isEqualTo(503);
      assertThat(token.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(token.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      assertThat(token.body()).isEqualTo(UNAVAILABLE_JSON);

      HttpResponse<String> page = authorize(browser);
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(page.body()).contains("This service is briefly unavailable. Try again in a few minutes.");

      HttpResponse<String> login = browser.post("/login",
          Map.of("username", "someone", "password", "a-password", "_csrf", csrf),
          "Accept", "text/html");
      assertThat(login.statusCode()).as("not a failed login: the user could not be looked up")
          .isEqualTo(503);
      assertThat(login.body()).contains("This service is briefly unavailable. Try again in a few minutes.");

      HttpResponse<String> readiness = readiness(probe);
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).contains("\"status\":\"DOWN\"");

      database.restart();

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        HttpResponse<String> again = token(browser);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(401);
        assertThat(again.body()).contains("\"error\":\"invalid_client\"");
      });
      assertThat(authorize(browser).statusCode()).as("unknown client: the 400 error page").isEqualTo(400);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(readiness(probe).statusCode()).isEqualTo(200));
    }
  }

  private static ConfigurableApplicationContext start(MariaDbServer database) {
    // command-line arguments: they outrank application-test.yaml's H2 URL
    return new SpringApplicationBuilder(AuthServerApplication.class)
        .profiles("test", "mysql")
        .run(
            "--server.port=0",
            "--spring.datasource.url="
                + MariaDbTestDatabase.freshDatabaseUrl(database.serverUrl(), "auth_outage"),
            "--spring.datasource.username=" + MariaDbTestDatabase.USERNAME,
            "--spring.datasource.password=" + MariaDbTestDatabase.PASSWORD);
  }

  /** client_credentials for a client that does not exist: looking it up needs the database. */
  private static HttpResponse<String> token(Browser browser) {
    String basic = Base64.getEncoder().encodeToString("no-such-client:secret".getBytes());
    return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/oauth2/token"))
        .timeout(BOUNDED_ANSWER)
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build());
  }

  private static HttpResponse<String> authorize(Browser browser) {
    return browser.send(HttpRequest.newBuilder(URI.create(browser.base()
            + "/oauth2/authorize?response_type=code&client_id=no-such-client&scope=openid"
            + "&redirect_uri=http%3A%2F%2Flocalhost%3A9200%2Findex.html&state=s"))
        .timeout(BOUNDED_ANSWER)
        .header("Accept", "text/html")
        .GET()
        .build());
  }

  private static HttpResponse<String> readiness(Browser browser) {
    return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/actuator/health/readiness"))
        .timeout(BOUNDED_ANSWER)
        .GET()
        .build());
  }
}
