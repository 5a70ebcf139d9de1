package org.careconnect.smart.cluster.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One node: a packaged service jar ({@code java -jar *-exec.jar}) as an operating-system process
 * on a loopback port, configured by environment variables only, as an operator would run it.
 * It can be stopped gracefully or killed (SIGKILL) in the middle of work.
 */
public final class ServiceNode implements AutoCloseable {

  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String jar;
  private final String heap;
  private final int port;
  private final String readyPath;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  ServiceNode(String name, String jarProperty, String heap, int port, String readyPath, Map<String, String> env, Path dir) {
    this.name = name;
    this.jar = System.getProperty(jarProperty);
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException(jarProperty + " is not set or missing: " + jar + " (run with mvn verify)");
    }
    this.heap = heap;
    this.port = port;
    this.readyPath = readyPath;
    this.env = env;
    this.log = dir.resolve(name + ".log");
  }

  /** Starts the process; {@link #awaitReady} waits for it. */
  ServiceNode start() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-jar", jar))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    process = builder.start();
    // If the test JVM dies first, the node must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return this;
  }

  /** Until the ready path answers 200 (bounded: the machine is shared and may be slow). */
  void awaitReady() {
    Awaitility.await(name + " ready (log " + log + ")")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited early; see " + log);
          }
          return answers200();
        });
  }

  private boolean answers200() throws InterruptedException {
    try {
      return PROBE.send(HttpRequest.newBuilder(URI.create(origin() + readyPath)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** This node addressed directly, bypassing nginx. */
  public String origin() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no graceful shutdown, nothing flushed; what was acknowledged must be in the database. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
