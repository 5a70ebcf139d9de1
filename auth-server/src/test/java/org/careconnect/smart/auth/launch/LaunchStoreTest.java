package org.careconnect.smart.auth.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.careconnect.smart.auth.launch.support.LaunchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The launch table: single use under concurrency, binding to the client, expiry. */
class LaunchStoreTest extends LaunchIntegrationTest {

  @Autowired LaunchStore store;

  @Test
  void markUsedWhenEightRequestsRaceThenExactlyOneWins() throws Exception {
    EhrLaunch launch = saved("app-race", Instant.now().plusSeconds(60));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Callable<Boolean> use =
          () -> {
            start.await();
            return store.markUsed(launch.id(), "app-race", "user", Instant.now());
          };
      List<Future<Boolean>> results = IntStream.range(0, 8).mapToObj(i -> pool.submit(use)).toList();
      start.countDown();
      long winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(launch.id()).orElseThrow().usedBy()).isEqualTo("user");
  }

  @Test
  void markUsedWhenOtherClientOrExpiredThenRefusedAndLaunchUnchanged() {
    Instant now = Instant.now();
    EhrLaunch launch = saved("app-own", now.plusSeconds(60));

    assertThat(store.markUsed(launch.id(), "app-other", "user", now)).isFalse();
    assertThat(store.markUsed(launch.id(), "app-own", "user", now.plusSeconds(60))).isFalse();
    assertThat(store.find(launch.id()).orElseThrow().used()).isFalse();
    assertThat(store.markUsed(launch.id(), "app-own", "user", now)).isTrue();
  }

  @Test
  void findWhenSavedThenEveryFieldRoundTrips() {
    EhrLaunch launch = saved("app-fields", Instant.ofEpochMilli(4_102_444_800_000L));

    assertThat(store.find(launch.id())).hasValue(launch);
  }

  private EhrLaunch saved(String clientId, Instant expiresAt) {
    EhrLaunch launch =
        new EhrLaunch(
            UUID.randomUUID().toString(),
            clientId,
            "pat-1",
            "enc-1",
            "Practitioner/p1",
            false,
            "https://ehr.example.org/style.json",
            List.of(Map.of("reference", "Observation/o1")),
            expiresAt,
            null,
            null,
            new DemoLaunchOptions(SimulatedError.INVALID_SCOPE, true, false));
    store.save(launch, Instant.now());
    return launch;
  }
}
