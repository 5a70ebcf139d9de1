package org.careconnect.smart.fhir.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.service.mariadb.MariaDbTestDatabase;

/**
 * The packaged server jar started as a real operating-system process on a free loopback port and
 * a file database of the test's own, so a test can stop it gracefully or kill it (SIGKILL).
 */
public final class FhirServerProcess implements AutoCloseable {

  private final Path dataDir;
  private final List<String> extraArgs;
  private final boolean secured;
  private String mariaDbUrl;
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

  /** Security off, with the mysql profile on the given MariaDB database (the outage tests). */
  public static FhirServerProcess onMariaDb(Path dataDir, String jdbcUrl, String... extraArgs) {
    FhirServerProcess server = new FhirServerProcess(dataDir, false, 0, extraArgs);
    server.mariaDbUrl = jdbcUrl;
    return server;
  }

  /** Starts the server and waits until it answers /metadata. */
  public FhirServerProcess start() throws IOException, InterruptedException {
    if (!secured) {
      port = freePort();
    }
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--logging.level.root=WARN"));
    args.addAll(databaseArgs());
    if (!secured) {
      // The restart and crash tests check durability of the API, not its security.
      args.add("--careconnect.fhir.security.enabled=false");
    }
    args.addAll(extraArgs);
    Files.createDirectories(dataDir);
    Path log = log();
    process = JarProcess.start("fhir.server.jar", "-Xmx512m", args, log);
    // bounded, generous: the machine may be loaded
    JarProcess.awaitReady(process, URI.create(base() + "/metadata"), Duration.ofMinutes(3), log);
    return this;
  }

  /**
   * The test's own database: a file H2 in its data directory, or, in the MariaDB suites, a fresh
   * MariaDB database (mysql profile) whose name is kept in the data directory, so a restart on
   * the same directory finds the same data.
   */
  private List<String> databaseArgs() throws IOException {
    if (mariaDbUrl != null) {
      return mysqlProfile(mariaDbUrl);
    }
    if (!MariaDbTestDatabase.enabled()) {
      return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("fhir").toAbsolutePath()
          + ";MODE=MySQL;DB_CLOSE_ON_EXIT=FALSE" + System.getProperty("fhir.test.h2.durability", ";WRITE_DELAY=0;MAX_COMPACT_TIME=30000"));
    }
    Path urlFile = dataDir.resolve("mariadb-url");
    if (!Files.exists(urlFile)) {
      Files.createDirectories(dataDir);
      Files.writeString(urlFile, MariaDbTestDatabase.freshDatabaseUrl("fhir_process"));
    }
    return mysqlProfile(Files.readString(urlFile));
  }

  private static List<String> mysqlProfile(String jdbcUrl) {
    return List.of(
        "--spring.profiles.active=mysql",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + MariaDbTestDatabase.USERNAME,
        "--spring.datasource.password=" + MariaDbTestDatabase.PASSWORD);
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

  /**
   * SIGTERM: Spring's graceful shutdown (bounded: killed, and a failure, after 2 minutes); the
   * exit code (143 for a JVM ended by SIGTERM).
   */
  public int stop() throws InterruptedException {
    terminate();
    return awaitExit();
  }

  /** Sends SIGTERM and returns at once; {@link #awaitExit()} waits for the end. */
  public void terminate() {
    process.destroy();
  }

  /** The exit code, waiting at most 2 minutes (then killed, and a failure). */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
      kill();
      throw new IllegalStateException("The server did not stop within 2 minutes of SIGTERM");
    }
    return process.exitValue();
  }

  /** The process's output (stdout and stderr). */
  public Path log() {
    return dataDir.resolve("server.log");
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  public static int freePort() throws IOException {
    return JarProcess.freePort();
  }
}
