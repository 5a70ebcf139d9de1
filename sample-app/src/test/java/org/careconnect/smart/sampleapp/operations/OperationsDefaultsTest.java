package org.careconnect.smart.sampleapp.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The secure default: with no scrape password configured, nobody gets the metrics, not even with
 * the scrape user name and an empty password; probes stay open; the request id is echoed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // export on, as in production (Spring Boot's tests switch it off): the guard alone refuses
    properties = "management.prometheus.metrics.export.enabled=true")
class OperationsDefaultsTest {

  static final String REFUSAL =
      "{\"error\":\"unauthorized\",\"error_description\":\"The metrics need the scrape credential\"}";

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void prometheusWhenNoPasswordConfiguredThen401ForEveryone() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/prometheus");
    HttpResponse<String> emptyPassword = get("/actuator/prometheus", "Authorization", basic("prometheus:"));
    HttpResponse<String> guessed = get("/actuator/prometheus", "Authorization", basic("prometheus:prometheus"));

    for (HttpResponse<String> response : List.of(anonymous, emptyPassword, guessed)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"metrics\"");
      assertThat(response.body()).isEqualTo(REFUSAL);
    }
  }

  @Test
  void probesWhenAnonymousThenUpWithoutDetails() throws Exception {
    assertThat(get("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void requestIdWhenGivenThenEchoedElseMade() throws Exception {
    assertThat(get("/launch.html", "X-Request-Id", "app-abc-1").headers().allValues("X-Request-Id"))
        .containsExactly("app-abc-1");
    assertThat(get("/launch.html", "X-Request-Id", "two words").headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(36).doesNotContain("two"));
  }

  static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
