package org.careconnect.smart.sampleapp.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A FHIR server and its authorisation server in one JDK {@link HttpServer}, just enough for a
 * stock fhirclient app: {@code /fhir/.well-known/smart-configuration} (CORS, S256 listed),
 * {@code /authorize} (records the request, redirects back with a code), {@code /token} (checks
 * the PKCE verifier against the challenge), and canned FHIR answers under {@code /fhir/}, each
 * with CORS for the Authorization header. Not a server to learn OAuth from.
 */
public final class SmartServerStub implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, String> fhir = new ConcurrentHashMap<>();
  private volatile Map<String, String> lastAuthorize = Map.of();
  private volatile Map<String, String> lastToken = Map.of();
  private volatile String tokenResponse = "{}";
  private volatile String refreshResponse = "400 {\"error\": \"invalid_grant\"}";
  private volatile boolean pkceVerified;

  public SmartServerStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/fhir/.well-known/smart-configuration", this::smartConfiguration);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/fhir/", this::fhir);
    server.start();
  }

  public String origin() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  public String fhirBase() {
    return origin() + "/fhir";
  }

  /** The token endpoint's next answer (JSON). */
  public void tokenResponse(String json) {
    tokenResponse = json;
  }

  /** A canned FHIR answer: path and query after the base (e.g. "Patient/p1"), status, JSON. */
  public void fhir(String pathAndQueryPrefix, int status, String json) {
    fhir.put(pathAndQueryPrefix, status + " " + json);
  }

  /** The token endpoint's answer to grant_type=refresh_token: status and JSON. */
  public void refreshResponse(int status, String json) {
    refreshResponse = status + " " + json;
  }

  public Map<String, String> lastAuthorize() {
    return lastAuthorize;
  }

  public Map<String, String> lastToken() {
    return lastToken;
  }

  /** Whether the last code exchange sent a verifier whose S256 hash is the challenge. */
  public boolean pkceVerified() {
    return pkceVerified;
  }

  private void smartConfiguration(HttpExchange exchange) throws IOException {
    send(exchange, 200, """
        {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
         "code_challenge_methods_supported": ["S256"],
         "capabilities": ["launch-ehr", "launch-standalone", "client-public", "context-banner"]}"""
        .formatted(origin()));
  }

  private void authorize(HttpExchange exchange) throws IOException {
    lastAuthorize = query(exchange.getRequestURI().getRawQuery());
    String location = lastAuthorize.get("redirect_uri") + "?code=stub-code&state=" + lastAuthorize.get("state");
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    if (preflight(exchange)) {
      return;
    }
    lastToken = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if ("refresh_token".equals(lastToken.get("grant_type"))) {
      int space = refreshResponse.indexOf(' ');
      send(exchange, Integer.parseInt(refreshResponse.substring(0, space)), refreshResponse.substring(space + 1));
      return;
    }
    pkceVerified = s256(lastToken.getOrDefault("code_verifier", "")).equals(lastAuthorize.get("code_challenge"));
    send(exchange, 200, tokenResponse);
  }

  private void fhir(HttpExchange exchange) throws IOException {
    if (preflight(exchange)) {
      return;
    }
    URI uri = exchange.getRequestURI();
    String request = uri.getRawPath().substring("/fhir/".length()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String answer =
        fhir.entrySet().stream()
            .filter(e -> request.startsWith(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("404 {\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\",\"diagnostics\":\"stub: " + request + "\"}]}");
    int space = answer.indexOf(' ');
    send(exchange, Integer.parseInt(answer.substring(0, space)), answer.substring(space + 1));
  }

  private static boolean preflight(HttpExchange exchange) throws IOException {
    cors(exchange);
    if (!"OPTIONS".equals(exchange.getRequestMethod())) {
      return false;
    }
    exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
    exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "authorization, content-type, accept");
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
    return true;
  }

  private static void cors(HttpExchange exchange) {
    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    cors(exchange);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String s256(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
