package org.careconnect.smart.auth.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A client's jwks_uri for tests: serves a settable body on 127.0.0.2 and counts requests. */
final class JwksServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String body = "{\"keys\":[]}";
  private volatile int status = 200;
  private volatile String location;

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          requests.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.2:" + server.getAddress().getPort() + "/jwks.json";
  }

  void serve(String json) {
    this.body = json;
  }

  void answer(int status, String location) {
    this.status = status;
    this.location = location;
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
