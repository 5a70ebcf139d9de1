package org.careconnect.smart.e2e.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** One service's exec jar (path from a system property) running as a process on loopback. */
public final class Service {

  private static final List<String> SMALL_JVM = List.of(
      "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=192m", "-Xss512k",
      "-XX:ReservedCodeCacheSize=64m");

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private Service(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** {@code java -Xmx.. -jar <jar> --server.port=.. --server.address=127.0.0.1 args}, output to {@code log}. */
  static Service start(String name, String jarProperty, int port, String heap, List<String> args, Path log)
      throws IOException {
    String jar = System.getProperty(jarProperty);
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException(
          jarProperty + " is not set or the jar is missing: " + jar + " (run: mvn -B -ntp -pl e2e-tests -am verify)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.addAll(SMALL_JVM);
    command.addAll(List.of("-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    Process process = builder.start();
    return new Service(name, port, log, process);
  }

  public String origin() {
    return "http://localhost:" + port;
  }

  /** Waits until the readiness probe answers 200, at most until {@code deadline}; fails naming the log. */
  void awaitReady(Instant deadline) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI probe = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited early (code " + process.exitValue() + "); see " + log);
      }
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    throw new IllegalStateException(name + " was not ready by " + deadline + "; see " + log);
  }

  /** Asks for a graceful shutdown (SIGTERM). */
  void requestStop() {
    process.destroy();
  }

  /** SIGTERM (graceful shutdown), then a kill if it has not ended within {@code grace}. */
  void stop(Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
