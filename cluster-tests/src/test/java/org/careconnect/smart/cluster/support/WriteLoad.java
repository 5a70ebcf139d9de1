package org.careconnect.smart.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Client threads sending requests for a fixed time and counting the answers: every 2xx write is
 * remembered (id and family name) to be read back later; every failure (non-2xx, timeout, I/O
 * error) is counted with its time, so the test can bound the burst of errors a node's death causes.
 * Bounded: it stops by itself after its duration, and each request times out.
 */
public final class WriteLoad {

  /** One request of a load thread: its response, or an exception. */
  public interface Call {
    HttpResponse<String> send(HttpClient http, String tag) throws IOException, InterruptedException;
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> errorTimes = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Call call;
  private final Function<HttpResponse<String>, String> idOf;
  private volatile long successAfter = Long.MAX_VALUE;
  private final AtomicInteger successesAfterMark = new AtomicInteger();

  /**
   * @param idOf the id a 2xx response acknowledges (null: nothing to read back)
   */
  public WriteLoad(Call call, Function<HttpResponse<String>, String> idOf) {
    this.call = call;
    this.idOf = idOf;
  }

  /** Runs {@code threads} threads for {@code duration}; returns at once. */
  public Running start(int threads, Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> loop(end)));
    }
    pool.shutdown();
    return new Running(pool, futures);
  }

  private void loop(long end) {
    while (System.nanoTime() < end) {
      String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      requests.incrementAndGet();
      try {
        HttpResponse<String> response = call.send(http, tag);
        if (response.statusCode() / 100 == 2) {
          String id = idOf.apply(response);
          if (id != null) {
            acknowledged.put(id, tag);
          }
          if (System.nanoTime() > successAfter) {
            successesAfterMark.incrementAndGet();
          }
        } else {
          failed(response.statusCode() + " " + response.body().lines().findFirst().orElse(""));
        }
      } catch (IOException e) {
        failed(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void failed(String what) {
    errorTimes.add(System.nanoTime());
    if (errorSamples.size() < 10) {
      errorSamples.add(what);
    }
  }

  /** From now on, successes are also counted separately (after the kill: the service goes on). */
  public void markNow() {
    successAfter = System.nanoTime();
  }

  public int successesAfterMark() {
    return successesAfterMark.get();
  }

  public Map<String, String> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  public int requests() {
    return requests.get();
  }

  public int errors() {
    return errorTimes.size();
  }

  /** Time from the first to the last error, zero when there was at most one. */
  public Duration errorBurst() {
    if (errorTimes.size() < 2) {
      return Duration.ZERO;
    }
    long first = errorTimes.stream().mapToLong(Long::longValue).min().orElseThrow();
    long last = errorTimes.stream().mapToLong(Long::longValue).max().orElseThrow();
    return Duration.ofNanos(last - first);
  }

  public List<String> errorSamples() {
    return List.copyOf(errorSamples);
  }

  public String summary(String name) {
    return "%s: %d requests, %d acknowledged writes, %d errors (%.2f %%) within %d ms, %d successes after the kill; errors: %s"
        .formatted(name, requests(), acknowledged.size(), errors(), requests() == 0 ? 0.0 : 100.0 * errors() / requests(),
            errorBurst().toMillis(), successesAfterMark(), errorSamples());
  }

  /** A POST of {@code body} to {@code url} with a bearer token, as a load call. */
  public static Call post(String url, String token, String contentType, Function<String, String> body) {
    return (http, tag) -> http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body.apply(tag))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The started load; {@link #await()} waits (bounded) for its threads to finish. */
  public record Running(ExecutorService pool, List<Future<?>> futures) {
    public void await() throws Exception {
      if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
        pool.shutdownNow();
        throw new AssertionError("The load threads did not stop");
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
  }
}
