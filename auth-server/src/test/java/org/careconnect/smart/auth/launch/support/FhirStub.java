package org.careconnect.smart.auth.launch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small STU3 FHIR server for the patient picker's searches, on a random loopback port, answering
 * searchset Bundles built from fixed fixtures: {@code Patient?name|identifier|birthdate} and
 * {@code Encounter?patient}. Like the real FHIR server it requires a bearer token (401 without
 * one) and remembers the last one it was sent, for the tests to verify. A search by the name {@value #FAILING_NAME} answers 500. It also
 * serves {@code /callback}, a page the browser test uses as the app's redirect URI.
 *
 * <p>One per JVM, started on first use; its fixtures never change, so tests cannot disturb each
 * other through it.
 */
public final class FhirStub {

  public static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";
  public static final String FAILING_NAME = "unavailable";

  /** id, given, family, NHS number, birth date, gender. */
  private static final List<String[]> PATIENTS =
      List.of(
          new String[] {"pick-pat-1", "Jane", "Smithson", "9434765919", "1970-01-31", "female"},
          new String[] {"pick-pat-2", "John", "Smithson", "9434765870", "1980-05-05", "male"},
          new String[] {"pick-pat-3", "Amira", "Okafor", "9434765828", "1970-01-31", "female"});

  /** id, patient, type text, start, status. */
  private static final List<String[]> ENCOUNTERS =
      List.of(
          new String[] {"pick-enc-1", "pick-pat-1", "Outpatient consultation", "2024-03-01T09:00:00Z", "finished"},
          new String[] {"pick-enc-2", "pick-pat-1", "Emergency admission", "2024-06-12T22:15:00Z", "in-progress"});

  private static FhirStub shared;

  private final HttpServer server;
  private volatile String lastBearerToken;
  private volatile String lastRequestId;

  private FhirStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/fhir/STU3/Patient", this::patients);
    server.createContext("/fhir/STU3/Encounter", this::encounters);
    server.createContext("/callback", this::callback);
    server.start();
  }

  public static synchronized FhirStub shared() {
    if (shared == null) {
      try {
        shared = new FhirStub();
      } catch (IOException e) {
        throw new IllegalStateException("FHIR stub could not start", e);
      }
    }
    return shared;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/STU3";
  }

  /** The X-Request-Id of the last FHIR request with a token, or null. */
  public String lastRequestId() {
    return lastRequestId;
  }

  /** The bearer token of the last FHIR request, or null before any. */
  public String lastBearerToken() {
    return lastBearerToken;
  }

  /** Answers 401 (as the FHIR server does) unless the request carries a bearer token. */
  private boolean authorized(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"fhir\"");
      send(exchange, 401, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\"}]}");
      return false;
    }
    lastBearerToken = authorization.substring(7);
    lastRequestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
    return true;
  }

  public String callbackUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
  }

  private void patients(HttpExchange exchange) throws IOException {
    if (!authorized(exchange)) {
      return;
    }
    Map<String, String> query = query(exchange);
    if (FAILING_NAME.equals(query.get("name"))) {
      send(exchange, 500, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"exception\"}]}");
      return;
    }
    List<String> entries = new ArrayList<>();
    for (String[] p : PATIENTS) {
      String name = query.get("name");
      boolean matches =
          (name == null
                  || (p[1] + " " + p[2]).toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
              && (!query.containsKey("identifier") || query.get("identifier").equals(NHS + "|" + p[3]))
              && (!query.containsKey("birthdate") || query.get("birthdate").equals(p[4]));
      if (matches) {
        entries.add(
            entry(
                "Patient/" + p[0],
                """
                {"resourceType":"Patient","id":"%s",
                 "meta":{"profile":["https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1"]},
                 "identifier":[{"system":"%s","value":"%s"}],
                 "name":[{"use":"official","family":"%s","given":["%s"]}],
                 "gender":"%s","birthDate":"%s"}"""
                    .formatted(p[0], NHS, p[3], p[2], p[1], p[5], p[4])));
      }
    }
    send(exchange, 200, bundle(entries));
  }

  private void encounters(HttpExchange exchange) throws IOException {
    if (!authorized(exchange)) {
      return;
    }
    String patient = query(exchange).get("patient");
    List<String> entries = new ArrayList<>();
    for (String[] e : ENCOUNTERS) {
      if (e[1].equals(patient)) {
        entries.add(
            entry(
                "Encounter/" + e[0],
                """
                {"resourceType":"Encounter","id":"%s","status":"%s",
                 "class":{"system":"http://hl7.org/fhir/v3/ActCode","code":"AMB","display":"ambulatory"},
                 "type":[{"text":"%s"}],
                 "subject":{"reference":"Patient/%s"},
                 "period":{"start":"%s"}}"""
                    .formatted(e[0], e[4], e[2], e[1], e[3])));
      }
    }
    send(exchange, 200, bundle(entries));
  }

  private void callback(HttpExchange exchange) throws IOException {
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>App callback</title></head>"
            + "<body><h1>Back in the app</h1><p id=\"query\">"
            + String.valueOf(exchange.getRequestURI().getRawQuery()).replace("<", "&lt;")
            + "</p></body></html>";
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private String entry(String fullUrl, String resource) {
    return "{\"fullUrl\":\"" + baseUrl() + "/" + fullUrl + "\",\"resource\":" + resource
        + ",\"search\":{\"mode\":\"match\"}}";
  }

  private static String bundle(List<String> entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":" + entries.size()
        + ",\"entry\":[" + String.join(",", entries) + "]}";
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> parameters = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/fhir+json;charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
