package org.careconnect.smart.fhir.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.careconnect.smart.fhir.support.SecuredFhirServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Probes, the guarded metrics endpoint and the request id, on the real server over HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest extends SecuredFhirServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private String origin() {
    return "http://localhost:" + port;
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesWhenAnonymousThenUpWithoutDetails() throws Exception {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> response = get(probe);

      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details", "db");
  }

  @Test
  void prometheusWhenAnonymousThen401WithChallengeAndNoMetrics() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"metrics\"");
    assertThat(response.body()).isEqualTo(
        "{\"error\":\"unauthorized\",\"error_description\":\"The metrics need the scrape credential\"}");
  }

  @Test
  void prometheusWhenWrongPasswordOrBearerTokenThen401() throws Exception {
    Scrape scrape = new Scrape(origin());

    HttpResponse<String> wrongPassword = scrape.get(Scrape.basic(Scrape.USERNAME, "not-the-password"));
    HttpResponse<String> wrongUser = scrape.get(Scrape.basic("someone", Scrape.PASSWORD));
    HttpResponse<String> bearer = scrape.get("Bearer " + token("system/*.*"));

    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).contains("The metrics need the scrape credential").doesNotContain("jvm_");
    assertThat(wrongUser.statusCode()).isEqualTo(401);
    assertThat(bearer.statusCode()).isEqualTo(401);
  }

  @Test
  void prometheusWhenScrapeCredentialThenMetricsInTextFormat() throws Exception {
    HttpResponse<String> response = new Scrape(origin()).get(Scrape.basic(Scrape.USERNAME, Scrape.PASSWORD));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).contains("jvm_memory_used_bytes{").contains("application=\"fhir-server\"")
        .contains("careconnect_audit_dropped_total");
  }

  @Test
  void requestIdWhenAcceptableThenReturnedOnceAndInTheLogLines(CapturedOutput output) throws Exception {
    Logger bearer = (Logger) LoggerFactory.getLogger("org.careconnect.smart.fhir.security.BearerTokenFilter");
    Level before = bearer.getLevel();
    bearer.setLevel(Level.DEBUG); // its DEBUG line about a refused token is the line we look for
    try {
      HttpResponse<String> response = get("/fhir/STU3/Patient?_count=1",
          "X-Request-Id", "ops-abc-123", "Authorization", "Bearer not-a-jwt");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().allValues("X-Request-Id")).containsExactly("ops-abc-123");
      assertThat(output.getOut()).containsPattern("\\[ops-abc-123\\] .*Refused a bearer token");
    } finally {
      bearer.setLevel(before);
    }
  }

  @Test
  void requestIdWhenAbsentOrUnsafeThenANewOneReplacesIt() throws Exception {
    String tooLong = "x".repeat(65);

    HttpResponse<String> absent = get("/actuator/health/liveness");
    HttpResponse<String> long65 = get("/actuator/health/liveness", "X-Request-Id", tooLong);
    HttpResponse<String> withSpace = get("/actuator/health/liveness", "X-Request-Id", "two words");
    HttpResponse<String> exactly64 = get("/actuator/health/liveness", "X-Request-Id", "y".repeat(64));

    String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    assertThat(absent.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(uuid));
    assertThat(long65.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(uuid));
    assertThat(withSpace.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(uuid));
    assertThat(exactly64.headers().allValues("X-Request-Id")).containsExactly("y".repeat(64));
  }

  @Test
  void requestIdWhenUnsafeThenTheAuditRecordHasTheReplacement() throws Exception {
    HttpResponse<String> response = get("/fhir/STU3/Patient?_count=1", "X-Request-Id", "bad id\twith tab");

    String replacement = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(replacement).doesNotContain(" ");
    Awaitility.await("audit record under the replacement id").atMost(Duration.ofSeconds(10))
        .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE request_id = ?", Integer.class, replacement) == 1);
  }
}
