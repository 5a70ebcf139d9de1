package org.careconnect.smart.fhir.support;

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
import java.util.concurrent.locks.LockSupport;

/**
 * The real authorisation server (the {@code auth-server} exec jar, demo profile: users {@code
 * patient1}, {@code patient2}, {@code clinician}, clients {@code sample-app}, {@code
 * confidential-app}) as an operating-system process on a loopback port, with an H2 database in
 * the test's folder. Its issuer is {@code http://127.0.0.1:<port>}.
 */
public final class AuthServerProcess implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private final List<String> extraArgs;
  private Process process;

  public AuthServerProcess(Path dataDir, int port, String... extraArgs) {
    this.dataDir = dataDir;
    this.port = port;
    this.extraArgs = List.of(extraArgs);
  }

  public AuthServerProcess start() throws IOException, InterruptedException {
    String jar = System.getProperty("auth.server.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("auth.server.jar is not set or missing: " + jar + " (run with mvn verify)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-jar", jar,
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        // AUTO_SERVER: the test itself may open the database while the server runs.
        "--spring.datasource.url=jdbc:h2:file:" + database() + ";MODE=MySQL;WRITE_DELAY=0;AUTO_SERVER=TRUE",
        "--careconnect.auth.issuer=" + issuer(),
        "--logging.level.root=WARN"));
    command.addAll(extraArgs);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("auth-server.log").toFile()))
        .start();
    awaitReady(Duration.ofMinutes(3));
    return this;
  }

  /** The JDBC URL the test may use to look at or adjust the server's data (H2 auto-server). */
  public String jdbcUrl() {
    return "jdbc:h2:file:" + database() + ";MODE=MySQL;AUTO_SERVER=TRUE";
  }

  private String database() {
    return dataDir.resolve("auth").toAbsolutePath().toString();
  }

  public String issuer() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return dataDir.resolve("auth-server.log");
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The authorisation server exited early; see " + log());
      }
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/smart-configuration"))
                .timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new IllegalStateException("The authorisation server did not become ready within " + timeout + "; see " + log());
  }
}
