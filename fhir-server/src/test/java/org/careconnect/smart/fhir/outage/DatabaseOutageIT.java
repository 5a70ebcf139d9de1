package org.careconnect.smart.fhir.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.careconnect.smart.fhir.support.FhirServerProcess;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.service.mariadb.MariaDbServer;
import org.careconnect.smart.service.mariadb.MariaDbTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the mysql profile, a stopped database makes the server answer 503 with an
 * OperationOutcome and Retry-After within seconds (not a hang, not a 500), readiness goes DOWN,
 * and once the database is back the server serves again by itself, with nothing lost. On a
 * MariaDB server of its own, stopped and started by scripts/mariadb.sh.
 */
class DatabaseOutageIT {

  static final String OUTCOME_MESSAGE = "The FHIR server's database is unavailable. Try again shortly.";
  /** While the database is down: Hikari's connection-timeout (3 s) and a loaded machine's margin. */
  static final Duration BOUNDED_ANSWER = Duration.ofSeconds(15);
  /** Otherwise: the first write warms the Care Connect validator up, 5-30 s or more when loaded. */
  static final Duration NORMAL_ANSWER = Duration.ofMinutes(2);

  @TempDir Path dir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
    try (MariaDbServer database = MariaDbServer.start(dir.resolve("mariadb"));
        FhirServerProcess server = FhirServerProcess.onMariaDb(dir.resolve("fhir"),
            MariaDbTestDatabase.freshDatabaseUrl(database.serverUrl(), "outage")).start()) {
      String family = FhirTestClient.unique("Outage");
      String search = server.base() + "/Practitioner?family=" + family;
      assertThat(create(server, family).statusCode()).isEqualTo(201);
      assertThat(readiness(server).statusCode()).isEqualTo(200);

      database.stop();

      assertUnavailable(sendBounded(fhirGet(search)));
      assertUnavailable(sendBounded(createRequest(server, family)));
      HttpResponse<String> readinessWhileDown =
          sendBounded(HttpRequest.newBuilder(URI.create(root(server) + "/actuator/health/readiness")));
      assertThat(readinessWhileDown.statusCode()).isEqualTo(503);
      assertThat(readinessWhileDown.body()).contains("\"status\":\"DOWN\"");
      assertThat(sendBounded(HttpRequest.newBuilder(URI.create(root(server) + "/actuator/health/liveness")))
          .statusCode()).as("the process itself is fine").isEqualTo(200);

      database.restart();

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(send(fhirGet(search)).statusCode()).isEqualTo(200));
      assertThat(create(server, family).statusCode()).isEqualTo(201);
      HttpResponse<String> found = send(fhirGet(search + "&_summary=count"));
      assertThat(found.body()).as("the write before the outage and the one after").contains("\"total\":2");
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(readiness(server).statusCode()).isEqualTo(200));
    }
  }

  private static void assertUnavailable(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.body())
        .contains("\"resourceType\":\"OperationOutcome\"")
        .contains(OUTCOME_MESSAGE);
  }

  private HttpResponse<String> create(FhirServerProcess server, String family) throws Exception {
    return send(createRequest(server, family));
  }

  private static HttpRequest.Builder createRequest(FhirServerProcess server, String family) {
    String practitioner = "{\"resourceType\":\"Practitioner\",\"name\":[{\"use\":\"usual\",\"family\":\""
        + family + "\",\"given\":[\"Olive\"]}]}";
    return HttpRequest.newBuilder(URI.create(server.base() + "/Practitioner"))
        .header("Accept", "application/fhir+json")
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(practitioner));
  }

  private static HttpRequest.Builder fhirGet(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json");
  }

  private HttpResponse<String> readiness(FhirServerProcess server) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(root(server) + "/actuator/health/readiness")));
  }

  /** While the database is down: the answer must come within {@link #BOUNDED_ANSWER}, no hang. */
  private HttpResponse<String> sendBounded(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(BOUNDED_ANSWER).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(NORMAL_ANSWER).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String root(FhirServerProcess server) {
    return "http://127.0.0.1:" + server.port();
  }
}
