package org.careconnect.smart.nativeclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged client ({@code java -jar}, system property {@code native.client.jar}) as a process
 * of its own, headless, so it only prints the URL; its standard output read line by line as it
 * comes, its standard error kept in a file.
 */
final class ClientProcess implements AutoCloseable {

  private final Process process;
  private final Path stderr;
  private final List<String> lines = new ArrayList<>();
  private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  private ClientProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readStdout, "native-client-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static ClientProcess start(Path dir, String... args) throws IOException {
    String jar = System.getProperty("native.client.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("native.client.jar is not set or missing: " + jar + " (run with mvn verify)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Xmx64m", "-jar", jar));
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile(dir, "native-client", ".stderr");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    return new ClientProcess(process, stderr);
  }

  /** The rest of the first output line starting with {@code prefix}, waiting at most {@code timeout}. */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = pending.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
      if (line == null && ended && pending.isEmpty()) {
        break; // the client has exited: no such line will come
      }
    }
    throw new AssertionError("No line starting with \"" + prefix + "\" within " + timeout
        + "; output: " + output() + "; errors: " + errors());
  }

  /** Waits for the exit (bounded): its status. */
  int awaitExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("The client did not exit within " + timeout + "; output: " + output() + "; errors: " + errors());
    }
    return process.exitValue();
  }

  synchronized String output() {
    return String.join("\n", lines);
  }

  String errors() throws IOException {
    return Files.readString(stderr);
  }

  private void readStdout() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (this) {
          lines.add(line);
        }
        pending.add(line);
      }
    } catch (IOException gone) {
      // the process is gone; what was read stays in lines
    }
    ended = true;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
