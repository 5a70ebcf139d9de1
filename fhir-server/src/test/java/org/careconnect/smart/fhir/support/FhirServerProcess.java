package org.careconnect.smart.fhir.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged server jar started as a real operating-system process on a free loopback port and
 * a file database of the test's own, so a test can stop it gracefully or kill it (SIGKILL).
 */
public final class FhirServerProcess implements AutoCloseable {

  private final Path dataDir;
  private final List<String> extraArgs;
  private final boolean secured;
  private Process process;
  private int port;

  /** Security off: for the tests of the API's durability. */
  public FhirServerProcess(Path dataDir, String... extraArgs) {
    this(dataDir, false, 0, extraArgs);
  }

  private FhirServerProcess(Path dataDir, boolean secured, int port, String... extraArgs) {
    this.dataDir = dataDir;
    this.secured = secured;
    this.port = port;
    this.extraArgs = List.of(extraArgs);
  }

  /**
   * Security on, on a port chosen beforehand (the authorisation server must know the FHIR base
   * before this server starts); {@code extraArgs} configure issuer, JWKS and audience.
   */
  public static FhirServerProcess secured(Path dataDir, int port, String... extraArgs) {
    return new FhirServerProcess(dataDir, true, port, extraArgs);
  }

  /** Starts the server and waits until it answers /metadata. */
  public FhirServerProcess start() throws IOException, InterruptedException {
    String jar = System.getProperty("fhir.server.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("fhir.server.jar is not set or missing: " + jar + " (run with mvn verify)");
    }
    if (!secured) {
      port = freePort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-jar", jar,
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("fhir").toAbsolutePath()
            + ";MODE=MySQL" + System.getProperty("fhir.test.h2.durability", ";WRITE_DELAY=0;MAX_COMPACT_TIME=30000"),
        "--logging.level.root=WARN"));
    if (!secured) {
      // The restart and crash tests check durability of the API, not its security.
      command.add("--careconnect.fhir.security.enabled=false");
    }
    command.addAll(extraArgs);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()))
        .start();
    awaitReady(Duration.ofMinutes(3)); // bounded, generous: the machine may be loaded
    return this;
  }

  public int port() {
    return port;
  }

  public String base() {
    return "http://127.0.0.1:" + port + "/fhir/STU3";
  }

  /** SIGKILL: no shutdown hook, no flush; what was acknowledged must already be on disk. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: Spring's graceful shutdown. */
  public void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server process exited early; see " + dataDir.resolve("server.log"));
      }
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(URI.create(base() + "/metadata")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new IllegalStateException("The server did not become ready within " + timeout);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
