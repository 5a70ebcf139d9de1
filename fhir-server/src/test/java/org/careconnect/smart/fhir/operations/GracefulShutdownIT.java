package org.careconnect.smart.fhir.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.careconnect.smart.fhir.support.FhirServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a request is in flight: the packaged server (a real process on loopback) finishes
 * the request, answers it, and only then exits, with the code of a JVM ended by SIGTERM.
 */
class GracefulShutdownIT {

  // A few seconds of work on a loaded machine (the validator checks each entry), warm validator.
  private static final int PATIENTS = 100;

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private FhirServerProcess server;

  @AfterEach
  void killIfStillRunning() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sigtermWhenTransactionInFlightThenItCompletesAndTheProcessExits() throws Exception {
    server = new FhirServerProcess(Files.createDirectories(dataDir.resolve("fhir")),
        "--careconnect.operations.metrics.password=" + Scrape.PASSWORD,
        // the default (30s) is plenty for real requests; a loaded test machine may need longer
        "--spring.lifecycle.timeout-per-shutdown-phase=2m",
        "--logging.level.org.springframework.boot.web.embedded.tomcat.GracefulShutdown=INFO").start();
    Scrape scrape = new Scrape("http://127.0.0.1:" + server.port());
    // the first write waits for the validator's warm-up (minutes on a loaded machine): not the
    // request to stop in the middle of
    HttpResponse<String> warmUp = http.send(post(transactionOf(1)), HttpResponse.BodyHandlers.ofString());
    assertThat(warmUp.statusCode()).as(warmUp.body()).isEqualTo(200);

    CompletableFuture<HttpResponse<String>> transaction =
        http.sendAsync(post(transactionOf(PATIENTS)), HttpResponse.BodyHandlers.ofString());
    Awaitility.await("the transaction being processed").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
        .until(() -> scrape.value("careconnect_fhir_requests_active_seconds_count", "interaction", "transaction") >= 1);
    // the client has no answer yet: whatever comes after the SIGTERM was in flight when it came
    assertThat(transaction).isNotDone();

    server.terminate();
    HttpResponse<String> answer = transaction.get(3, TimeUnit.MINUTES);
    int exitCode = server.awaitExit();

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body().split("\"status\":\"201 Created\"", -1)).hasSize(PATIENTS + 1);
    assertThat(exitCode).isIn(0, 143);
    assertThat(Files.readString(server.log())).contains("Commencing graceful shutdown")
        .contains("Graceful shutdown complete").doesNotContain("Graceful shutdown aborted");
  }

  private HttpRequest post(String bundle) {
    return HttpRequest.newBuilder(URI.create(server.base()))
        .timeout(Duration.ofMinutes(5))
        .header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(bundle))
        .build();
  }

  private static String transactionOf(int patients) {
    StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
    for (int i = 0; i < patients; i++) {
      bundle.append(i == 0 ? "" : ",")
          .append("{\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"Shutdown")
          .append(i).append("\"}]},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
    }
    return bundle.append("]}").toString();
  }
}
