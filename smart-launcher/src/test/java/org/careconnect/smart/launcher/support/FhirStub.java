package org.careconnect.smart.launcher.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small STU3 server: two demo patients (searchable by name or NHS number, readable by id), one
 * encounter of demo-pat-1, and a stand-in app page at {@code /app/launch.html}. It records the
 * Authorization header of every FHIR call.
 */
public final class FhirStub implements AutoCloseable {

  static final String PATIENT_1 =
      "{\"resourceType\":\"Patient\",\"id\":\"demo-pat-1\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],"
          + "\"name\":[{\"use\":\"official\",\"family\":\"Smith\",\"given\":[\"Alice\"]}],\"gender\":\"female\",\"birthDate\":\"1970-01-02\"}";
  static final String PATIENT_2 =
      "{\"resourceType\":\"Patient\",\"id\":\"demo-pat-2\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000026\"}],"
          + "\"name\":[{\"use\":\"official\",\"family\":\"Jones\",\"given\":[\"Bob\"]}],\"gender\":\"male\",\"birthDate\":\"1980-03-04\"}";
  static final String ENCOUNTER_1 =
      "{\"resourceType\":\"Encounter\",\"id\":\"demo-enc-1\",\"status\":\"finished\",\"type\":[{\"text\":\"GP consultation\"}],"
          + "\"subject\":{\"reference\":\"Patient/demo-pat-1\"},\"period\":{\"start\":\"2025-05-01T09:00:00Z\"}}";

  private final HttpServer server;
  public final List<String> authorizations = new CopyOnWriteArrayList<>();
  /** The X-Request-Id of each FHIR request (the launcher forwards its own request's id). */
  public final List<String> requestIds = new CopyOnWriteArrayList<>();

  public FhirStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/fhir/STU3/", this::fhir);
    server.createContext(
        "/app/",
        exchange ->
            send(exchange, 200, "text/html", "<!DOCTYPE html><html lang=\"en\"><head><title>Stand-in app</title></head>"
                + "<body><h1 id=\"app\">Stand-in SMART app</h1><p>Launched with " + exchange.getRequestURI().getRawQuery().replace("<", "") + "</p></body></html>"));
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir/STU3";
  }

  public String appLaunchUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/app/launch.html";
  }

  private void fhir(HttpExchange exchange) throws IOException {
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    requestIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
    String path = exchange.getRequestURI().getPath().substring("/fhir/STU3/".length());
    String query = URLDecoder.decode(String.valueOf(exchange.getRequestURI().getRawQuery()), StandardCharsets.UTF_8).toLowerCase();
    switch (path) {
      case "Patient/demo-pat-1" -> send(exchange, 200, "application/fhir+json", PATIENT_1);
      case "Patient/demo-pat-2" -> send(exchange, 200, "application/fhir+json", PATIENT_2);
      case "Patient" -> {
        if (query.contains("smith") || query.contains("9990000018")) {
          send(exchange, 200, "application/fhir+json", bundle(PATIENT_1));
        } else if (query.contains("jones") || query.contains("9990000026")) {
          send(exchange, 200, "application/fhir+json", bundle(PATIENT_2));
        } else {
          send(exchange, 200, "application/fhir+json", bundle());
        }
      }
      case "Encounter" ->
          send(exchange, 200, "application/fhir+json", query.contains("patient=demo-pat-1") ? bundle(ENCOUNTER_1) : bundle());
      default ->
          send(exchange, 404, "application/fhir+json",
              "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}");
    }
  }

  private static String bundle(String... resources) {
    StringBuilder entries = new StringBuilder();
    for (String resource : resources) {
      entries.append(entries.isEmpty() ? "" : ",").append("{\"resource\":").append(resource).append('}');
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":" + resources.length + ",\"entry\":[" + entries + "]}";
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
