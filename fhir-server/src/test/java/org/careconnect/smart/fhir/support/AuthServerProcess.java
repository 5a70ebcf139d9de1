package org.careconnect.smart.fhir.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
  private String publicIssuer;

  public AuthServerProcess(Path dataDir, int port, String... extraArgs) {
    this.dataDir = dataDir;
    this.port = port;
    this.extraArgs = List.of(extraArgs);
  }

  /** Another issuer than {@code http://127.0.0.1:<port>}, e.g. its https face; before start. */
  public AuthServerProcess withIssuer(String issuer) {
    this.publicIssuer = issuer;
    return this;
  }

  public AuthServerProcess start() throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        // AUTO_SERVER: the test itself may open the database while the server runs.
        "--spring.datasource.url=" + jdbcUrl() + ";WRITE_DELAY=0",
        "--careconnect.auth.issuer=" + issuer(),
        "--logging.level.root=WARN"));
    args.addAll(extraArgs);
    process = JarProcess.start("auth.server.jar", "-Xmx256m", args, log());
    // probed on plain http, whatever the issuer: the probe trusts no CA
    JarProcess.awaitReady(process, URI.create(httpOrigin() + "/.well-known/smart-configuration"), Duration.ofMinutes(3), log());
    return this;
  }

  /** The JDBC URL of the server's database; the test may open it too (H2 auto-server). */
  public String jdbcUrl() {
    return "jdbc:h2:file:" + dataDir.resolve("auth").toAbsolutePath() + ";MODE=MySQL;AUTO_SERVER=TRUE";
  }

  public String issuer() {
    return publicIssuer != null ? publicIssuer : httpOrigin();
  }

  private String httpOrigin() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return dataDir.resolve("auth-server.log");
  }

  /** SIGTERM, and SIGKILL if it has not stopped within 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }
}
