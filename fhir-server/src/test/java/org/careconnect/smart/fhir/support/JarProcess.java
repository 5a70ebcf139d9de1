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
import java.util.concurrent.locks.LockSupport;

/** What the server-process helpers share: start a packaged jar, wait (bounded) until it answers. */
final class JarProcess {

  private JarProcess() {}

  /**
   * {@code java -Xmx.. -jar <jar named by system property> args}, output appended to {@code log};
   * killed by a shutdown hook if the test JVM ends first.
   */
  static Process start(String jarProperty, String heap, List<String> args, Path log) throws IOException {
    String jar = System.getProperty(jarProperty);
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException(jarProperty + " is not set or missing: " + jar + " (run with mvn verify)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-jar", jar));
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return process;
  }

  /** Waits until GET {@code probe} answers 200, at most {@code timeout}; fails naming the log. */
  static void awaitReady(Process process, URI probe, Duration timeout, Path log) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The process exited early; see " + log);
      }
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new IllegalStateException(probe + " did not answer 200 within " + timeout + "; see " + log);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
