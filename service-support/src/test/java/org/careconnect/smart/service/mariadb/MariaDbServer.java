package org.careconnect.smart.service.mariadb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of one test's own, run by {@code scripts/mariadb.sh} in a folder of the test,
 * for tests that stop and start the database (the shared server of the MariaDB suites must stay
 * up). Started again after {@link #stop()}, it listens on the same port. Shared by the auth-server
 * and FHIR server tests through the service-support test jar.
 */
public final class MariaDbServer implements AutoCloseable {

  /** The path of scripts/mariadb.sh, set by the MariaDB test executions. */
  public static final String SCRIPT_PROPERTY = "careconnect.test.mariadb.script";

  private final Path dir;
  private int port;

  private MariaDbServer(Path dir) {
    this.dir = dir;
  }

  /** Starts a server in {@code dir} and lets the test user create its databases. */
  public static MariaDbServer start(Path dir) throws IOException, InterruptedException {
    MariaDbServer server = new MariaDbServer(dir);
    server.port = Integer.parseInt(server.script("start").trim());
    server.script("testuser");
    return server;
  }

  /** {@code jdbc:mysql://127.0.0.1:PORT/}, for {@link MariaDbTestDatabase#freshDatabaseUrl}. */
  public String serverUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/";
  }

  /** Stops the server (its data stays). */
  public void stop() throws IOException, InterruptedException {
    script("stop");
  }

  /** Starts it again on the same port; fails if that port was taken meanwhile. */
  public void restart() throws IOException, InterruptedException {
    int again = Integer.parseInt(script("start").trim());
    if (again != port) {
      throw new IllegalStateException("MariaDB came back on port " + again + ", not " + port);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }

  private String script(String command) throws IOException, InterruptedException {
    String script = System.getProperty(SCRIPT_PROPERTY);
    if (script == null) {
      throw new IllegalStateException(SCRIPT_PROPERTY + " is not set: run in the MariaDB suites");
    }
    Process process = new ProcessBuilder("bash", script, command, dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // bounded: the script gives up after 30 s itself
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/mariadb.sh " + command + " failed: " + out);
    }
    return out;
  }
}
