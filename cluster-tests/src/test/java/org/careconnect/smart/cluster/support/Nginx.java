package org.careconnect.smart.cluster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * nginx (Debian package, installed when absent) as a foreground process with its own config, pid,
 * logs and temp folders in the test's folder: one loopback port in front of the auth nodes, one in
 * front of the FHIR nodes. The proxy rules are those of deploy/nginx/careconnect.conf: round
 * robin, no sticky sessions, and a request passed to the other node only when it is safe (see
 * there).
 */
final class Nginx implements AutoCloseable {

  private static final String BINARY = "/usr/sbin/nginx";

  private final Path dir;
  private Process process;

  Nginx(Path dir) {
    this.dir = dir;
  }

  Nginx start(int authPort, List<Integer> authNodes, int fhirPort, List<Integer> fhirNodes)
      throws IOException, InterruptedException {
    installWhenAbsent();
    Files.createDirectories(dir.resolve("temp"));
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, config(authPort, authNodes, fhirPort, fhirNodes));
    process = new ProcessBuilder(BINARY, "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nginx.out").toFile()))
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    Awaitility.await("nginx listening (see " + dir.resolve("error.log") + ")")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("nginx exited; see " + dir.resolve("error.log"));
          }
          return listening(authPort) && listening(fhirPort);
        });
    return this;
  }

  private String config(int authPort, List<Integer> authNodes, int fhirPort, List<Integer> fhirNodes) {
    String temp = dir.resolve("temp").toString();
    // As root nginx would hand its workers to "nobody", who cannot write the test's folders.
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    return user + """
        worker_processes 1;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log %1$s/access.log;
          client_body_temp_path %2$s/body;
          proxy_temp_path %2$s/proxy;
          fastcgi_temp_path %2$s/fastcgi;
          uwsgi_temp_path %2$s/uwsgi;
          scgi_temp_path %2$s/scgi;
          upstream auth_nodes {
        %3$s    keepalive 16;
          }
          upstream fhir_nodes {
        %4$s    keepalive 16;
          }
          proxy_http_version 1.1;
          proxy_set_header Connection "";
          proxy_set_header Host $http_host;
          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
          proxy_set_header X-Forwarded-Proto $scheme;
          proxy_connect_timeout 2s;
          proxy_read_timeout 60s;
          proxy_next_upstream error timeout http_502 http_503;
          proxy_next_upstream_tries 2;
          proxy_next_upstream_timeout 10s;
          server {
            listen 127.0.0.1:%5$d;
            location / { proxy_pass http://auth_nodes; }
          }
          server {
            listen 127.0.0.1:%6$d;
            client_max_body_size 10m;
            location / { proxy_pass http://fhir_nodes; }
          }
        }
        """.formatted(dir, temp, servers(authNodes), servers(fhirNodes), authPort, fhirPort);
  }

  private static String servers(List<Integer> ports) {
    StringBuilder lines = new StringBuilder();
    // max_fails=1 fail_timeout=5s: a dead node is skipped for 5 s after one failed attempt.
    ports.forEach(p -> lines.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=5s;\n"));
    return lines.toString();
  }

  private static boolean listening(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void installWhenAbsent() throws IOException, InterruptedException {
    if (Files.isExecutable(Path.of(BINARY))) {
      return;
    }
    String sudo = "root".equals(System.getProperty("user.name")) ? "" : "sudo ";
    Process install = new ProcessBuilder("bash", "-c",
            sudo + "apt-get update && DEBIAN_FRONTEND=noninteractive " + sudo + "apt-get install -y nginx")
        .inheritIO()
        .start();
    if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
      install.destroyForcibly();
      throw new UncheckedIOException(new IOException("apt-get install -y nginx failed"));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }
}
