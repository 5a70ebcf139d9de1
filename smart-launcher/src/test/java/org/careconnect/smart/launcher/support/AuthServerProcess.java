package org.careconnect.smart.launcher.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The real authorisation server (its exec jar, path from {@code auth.server.jar}) started as a
 * process in the demo profile on a free port with an in-memory database, trusting the given
 * FHIR base as {@code aud}.
 */
public final class AuthServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  /** The process's output. */
  public Path log() {
    return log;
  }

  private AuthServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static AuthServerProcess start(Path dir, String fhirBase, String launcherOrigin) throws IOException {
    String jar = System.getProperty("auth.server.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("auth.server.jar is not set or missing: " + jar + " (run mvn verify from the root)");
    }
    int port = Ports.free();
    Path log = dir.resolve("auth-server.log");
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-jar", jar,
                    "--spring.profiles.active=demo",
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--spring.datasource.url=jdbc:h2:mem:auth;MODE=MySQL;DB_CLOSE_DELAY=-1",
                    "--careconnect.auth.issuer=http://localhost:" + port,
                    "--careconnect.auth.fhir-base-urls=" + fhirBase,
                    "--careconnect.auth.picker.fhir-base-url=" + fhirBase,
                    "--careconnect.auth.launcher-origin=" + launcherOrigin,
                    "--logging.level.root=WARN",
                    // a line per request it secures, with the request id (LauncherIT)
                    "--logging.level.org.springframework.security.web.FilterChainProxy=DEBUG"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    AuthServerProcess server = new AuthServerProcess(process, port, log);
    server.awaitReady(Duration.ofSeconds(120));
    return server;
  }

  public String base() {
    return "http://localhost:" + port;
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The auth-server process exited early; see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    close();
    throw new IllegalStateException("The auth-server did not become ready within " + timeout + "; see " + log);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
