package org.careconnect.smart.fhir.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.careconnect.smart.fhir.support.FhirServerProcess;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of concurrent writes: every write the server acknowledged with a 2xx is
 * readable, whole, after a restart.
 *
 * <p>Independent of the machine's speed: writers keep writing until the kill (a timed-out
 * request is simply not acknowledged, and the writer goes on); the process is killed only once
 * {@value #KILL_AFTER_ACKNOWLEDGED} writes have been acknowledged, waiting at most
 * {@link #ACKNOWLEDGEMENT_WAIT}; if that many never arrive the test fails saying so, since it
 * would prove too little. The assertion is the same whatever the speed: all acknowledged writes
 * are readable after the restart.
 *
 * <p>The test can fail: with an H2 commit delay it does. Run with
 * {@code -DargLine=-Dfhir.test.h2.durability=;WRITE_DELAY=500} (the property replaces the H2 URL
 * settings in {@link FhirServerProcess}): acknowledged writes come back 404.
 */
class CrashDurabilityIT {

  private static final int WRITERS = 6;
  private static final int KILL_AFTER_ACKNOWLEDGED = 400;
  private static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofMinutes(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void writesWhenServerKilledThenEveryAcknowledgedWriteReadableAfterRestart() throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> family written
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> running = new ArrayList<>();
      try {
        for (int w = 0; w < WRITERS; w++) {
          running.add(writers.submit(() -> writeUntilKilled(http, server.base(), acknowledged, killed)));
        }
        Instant deadline = Instant.now().plus(ACKNOWLEDGEMENT_WAIT);
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && Instant.now().isBefore(deadline)) {
          LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        // Kill while the writers are still writing: some writes are in flight at this moment.
        killed.set(true);
        server.kill();
      } finally {
        killed.set(true);
        writers.shutdown();
        if (!writers.awaitTermination(REQUEST_TIMEOUT.plusSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
          writers.shutdownNow();
        }
      }
      for (Future<?> writer : running) {
        writer.get();
      }
    }
    assertThat(acknowledged.size())
        .as("writes acknowledged within %s before the kill (too few to prove durability: the machine "
            + "is too slow or the server failed; see %s)", ACKNOWLEDGEMENT_WAIT, dataDir.resolve("server.log"))
        .isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      List<String> lost = new ArrayList<>();
      for (Map.Entry<String, String> write : acknowledged.entrySet()) {
        HttpResponse<String> read = http.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/Patient/" + write.getKey()))
                .timeout(REQUEST_TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
        if (read.statusCode() != 200 || !read.body().contains(write.getValue())) {
          lost.add(write.getKey() + " -> " + read.statusCode());
        }
      }
      assertThat(lost).as("acknowledged writes missing after SIGKILL and restart (of %d)", acknowledged.size())
          .isEmpty();
    }
  }

  /** Writes until the process is killed; only a 2xx with a Location counts as acknowledged. */
  private static void writeUntilKilled(
      HttpClient http, String base, Map<String, String> acknowledged, AtomicBoolean killed) {
    while (!killed.get()) {
      String family = FhirTestClient.unique("Crash");
      String body = "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\""
          + family + "\"}]}";
      try {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create(base + "/Patient"))
                .header("Content-Type", "application/fhir+json")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          String location = response.headers().firstValue("Location").orElseThrow();
          String id = location.replaceAll(".*/Patient/([^/]+)/_history/.*", "$1");
          acknowledged.put(id, family);
        }
      } catch (HttpTimeoutException slow) {
        // Not acknowledged (it may or may not be stored); a slow machine is no reason to stop.
      } catch (IOException e) {
        if (killed.get()) {
          return; // the server is gone
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a transient failure: go on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
