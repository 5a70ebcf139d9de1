package org.careconnect.smart.cluster.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's throwaway MariaDB ({@code scripts/mariadb.sh}: installed when absent, no
 * systemd) in the test's own folder, on a free loopback port.
 */
public final class MariaDb implements AutoCloseable {

  static final String USER = "careconnect";
  static final String PASSWORD = "careconnect";

  private final Path dir;
  private int port;

  MariaDb(Path dir) {
    this.dir = dir;
  }

  /** Starts the server, or starts it again after {@link #stop()} on the same port and data. */
  public MariaDb start() throws IOException, InterruptedException {
    port = Integer.parseInt(script("start").trim());
    return this;
  }

  /** Stops the server (SIGTERM, as an operator would); its data stays for {@link #start()}. */
  public void stop() throws IOException, InterruptedException {
    script("stop");
  }

  /** A fresh, empty database NAME granted to {@link #USER}; its JDBC URL. */
  String createDatabase(String name) throws IOException, InterruptedException {
    script("createdb", name);
    return "jdbc:mysql://127.0.0.1:" + port + "/" + name;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }

  private String script(String... args) throws IOException, InterruptedException {
    String script = System.getProperty("mariadb.script");
    List<String> command = new ArrayList<>(List.of("bash", script, args[0], dir.toString()));
    for (int i = 1; i < args.length; i++) {
      command.add(args[i]);
    }
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolveSibling("mariadb-script.log").toFile()))
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // Installing mariadb-server on a fresh machine takes a while; bounded all the same.
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("scripts/mariadb.sh " + String.join(" ", args) + " failed; see "
          + dir.resolveSibling("mariadb-script.log"));
    }
    return out;
  }
}
