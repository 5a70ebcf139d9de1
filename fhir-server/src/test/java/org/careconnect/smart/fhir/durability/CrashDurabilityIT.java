package org.careconnect.smart.fhir.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.careconnect.smart.fhir.support.FhirServerProcess;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of concurrent writes: every write the server acknowledged with a 2xx is
 * readable, whole, after a restart. Bounded: six writers, at most 60 s or 20,000 writes.
 *
 * <p>The test can fail: with H2's default commit delay it does (run with
 * {@code -DargLine=-Dfhir.test.h2.durability=;WRITE_DELAY=500}: acknowledged writes come back 404).
 */
class CrashDurabilityIT {

  private static final int WRITERS = 6;
  private static final int KILL_AFTER_ACKNOWLEDGED = 400;

  @TempDir Path dataDir;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> family written
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> running = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(60);
      for (int w = 0; w < WRITERS; w++) {
        running.add(writers.submit(() -> {
          for (int i = 0; i < 20_000 / WRITERS && !stop.get() && Instant.now().isBefore(deadline); i++) {
            String family = FhirTestClient.unique("Crash");
            String body = "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\""
                + family + "\"}]}";
            try {
              HttpResponse<String> response = http.send(
                  HttpRequest.newBuilder(URI.create(server.base() + "/Patient"))
                      .header("Content-Type", "application/fhir+json")
                      .timeout(Duration.ofSeconds(10))
                      .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() / 100 == 2) {
                String location = response.headers().firstValue("Location").orElseThrow();
                String id = location.replaceAll(".*/Patient/([^/]+)/_history/.*", "$1");
                acknowledged.put(id, family);
              }
            } catch (java.io.IOException killed) {
              return; // the server is gone: this writer is done
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
          }
        }));
      }
      while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && Instant.now().isBefore(deadline)) {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
      server.kill();
      stop.set(true);
      writers.shutdown();
      for (Future<?> writer : running) {
        writer.get();
      }
    }
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      List<String> lost = new ArrayList<>();
      for (Map.Entry<String, String> write : acknowledged.entrySet()) {
        HttpResponse<String> read = http.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/Patient/" + write.getKey())).build(),
            HttpResponse.BodyHandlers.ofString());
        if (read.statusCode() != 200 || !read.body().contains(write.getValue())) {
          lost.add(write.getKey() + " -> " + read.statusCode());
        }
      }
      assertThat(lost).as("acknowledged writes missing after SIGKILL and restart").isEmpty();
    }
  }
}
