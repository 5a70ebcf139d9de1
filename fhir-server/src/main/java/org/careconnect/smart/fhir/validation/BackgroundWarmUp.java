package org.careconnect.smart.fhir.validation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Something slow to build (HAPI's validator loads and indexes every definition on first use: 5 to
 * 30 s), built on a thread of its own, so the server starts answering at once. The build begins
 * when {@link #begin} is called, or at the first {@link #get}, whichever comes first. Whoever
 * needs it before it is ready waits for it; nobody gets a half-built one.
 */
final class BackgroundWarmUp<T> {

  private static final Logger log = LoggerFactory.getLogger(BackgroundWarmUp.class);

  private final String name;
  private final Supplier<T> build;
  private final AtomicBoolean begun = new AtomicBoolean();
  private final CompletableFuture<T> ready = new CompletableFuture<>();
  private volatile Duration took;

  private BackgroundWarmUp(String name, Supplier<T> build) {
    this.name = name;
    this.build = build;
  }

  /** A warm-up that begins at {@link #begin} or at the first {@link #get}. */
  static <T> BackgroundWarmUp<T> prepare(String name, Supplier<T> build) {
    return new BackgroundWarmUp<>(name, build);
  }

  /** A warm-up that begins now. */
  static <T> BackgroundWarmUp<T> start(String name, Supplier<T> build) {
    BackgroundWarmUp<T> warmUp = prepare(name, build);
    warmUp.begin();
    return warmUp;
  }

  /** Starts the build on its own thread; does nothing once it has begun. */
  void begin() {
    if (begun.compareAndSet(false, true)) {
      Thread thread = new Thread(this::run, name + " warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void run() {
    long start = System.nanoTime();
    try {
      T built = build.get();
      took = Duration.ofNanos(System.nanoTime() - start);
      log.info("{} warmed up in {} ms", name, took.toMillis());
      ready.complete(built);
    } catch (RuntimeException | Error e) {
      log.error("{} failed to warm up", name, e);
      ready.completeExceptionally(e);
    }
  }

  /** The built value, waiting for the warm-up to finish when it has not yet. */
  T get() {
    begin();
    try {
      return ready.join();
    } catch (CompletionException e) {
      throw new IllegalStateException(name + " could not be built", e.getCause());
    }
  }

  boolean isReady() {
    return ready.isDone() && !ready.isCompletedExceptionally();
  }

  /** How long the warm-up took, once it is over. */
  Duration took() {
    return took;
  }
}
