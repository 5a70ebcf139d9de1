package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundWarmUpTest {

  @Test
  void callerArrivingBeforeTheWarmUpEndsWaitsForIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundWarmUp<String> warmUp = BackgroundWarmUp.start("test", () -> {
      await(release);
      return "built";
    });

    AtomicReference<String> got = new AtomicReference<>();
    Thread caller = new Thread(() -> got.set(warmUp.get()));
    caller.start();

    // The caller parks inside get() while the warm-up is held back.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(caller.getState()).isEqualTo(Thread.State.WAITING);
    assertThat(got.get()).isNull();
    assertThat(warmUp.isReady()).isFalse();
    assertThat(warmUp.took()).isNull();

    release.countDown();
    caller.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(got.get()).isEqualTo("built");
    assertThat(warmUp.isReady()).isTrue();
    assertThat(warmUp.took()).isNotNull();
  }

  @Test
  void preparedWarmUpWaitsForBeginOrForTheFirstCaller() {
    AtomicReference<String> builtOn = new AtomicReference<>();
    BackgroundWarmUp<String> warmUp = BackgroundWarmUp.prepare("test", () -> {
      builtOn.set(Thread.currentThread().getName());
      return "built";
    });
    assertThat(builtOn.get()).isNull();
    assertThat(warmUp.isReady()).isFalse();

    assertThat(warmUp.get()).isEqualTo("built");
    assertThat(builtOn.get()).isEqualTo("test warm-up");
    warmUp.begin(); // once begun, never built again
    assertThat(warmUp.get()).isEqualTo("built");
  }

  @Test
  void failedWarmUpFailsEveryCallerInsteadOfHangingThem() {
    BackgroundWarmUp<String> warmUp = BackgroundWarmUp.start("test", () -> {
      throw new IllegalArgumentException("broken definitions");
    });

    assertThatThrownBy(warmUp::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("test could not be built")
        .hasRootCauseMessage("broken definitions");
    assertThat(warmUp.isReady()).isFalse();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
