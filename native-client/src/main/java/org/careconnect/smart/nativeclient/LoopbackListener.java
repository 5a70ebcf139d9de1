package org.careconnect.smart.nativeclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives the authorization response on {@code http://127.0.0.1:{port}/callback} (RFC 8252 §7.3).
 * Bound to the IPv4 loopback literal, not "localhost" (§8.3: the name may resolve elsewhere, and a
 * listener on all interfaces would take redirects from the network), on a port the operating
 * system picks, so two clients never clash and none needs a port registered. The first callback
 * decides; the browser gets a page saying it may be closed.
 */
final class LoopbackListener implements AutoCloseable {

  static final String PATH = "/callback";

  private final HttpServer server;
  private final State state;
  private final CompletableFuture<AuthorizationResponse> response = new CompletableFuture<>();

  private LoopbackListener(HttpServer server, State state) {
    this.server = server;
    this.state = state;
  }

  static LoopbackListener start(State state) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    LoopbackListener listener = new LoopbackListener(server, state);
    server.createContext(PATH, listener::handle);
    server.start();
    return listener;
  }

  /** The redirect URI of this run; the authorisation server matches it on any port (§7.3). */
  URI redirectUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** The code, or the failure the redirect reported; a FlowFailure after {@code timeout}. */
  AuthorizationResponse await(Duration timeout) throws FlowFailure, InterruptedException {
    try {
      return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new FlowFailure(
          "No answer from the browser within " + timeout.toSeconds() + " s (--timeout): the sign-in"
              + " was not finished.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FlowFailure failure) {
        throw failure;
      }
      throw new FlowFailure("The redirect could not be read: " + e.getCause(), e.getCause());
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (response.isDone()) {
        // a reload, or a second redirect: only the first one counts
        page(exchange, 409, "Already answered", "This sign-in has finished. You can close this window.");
        return;
      }
      // The page is sent before the waiting thread is released, which then stops this server.
      try {
        AuthorizationResponse answer = AuthorizationResponse.parse(exchange.getRequestURI().getRawQuery(), state);
        page(exchange, 200, "Signed in", "You are signed in. You can close this window and return to the app.");
        response.complete(answer);
      } catch (FlowFailure failure) {
        page(exchange, 400, "Sign-in did not finish", failure.getMessage() + " You can close this window.");
        response.completeExceptionally(failure);
      }
    }
  }

  private static void page(HttpExchange exchange, int status, String title, String message) throws IOException {
    byte[] body =
        ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body style=\"font-family:sans-serif;margin:2em\"><h1>" + escape(title)
                + "</h1><p>" + escape(message) + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    // the page follows a redirect that carried the code: keep it out of caches and referrers
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
