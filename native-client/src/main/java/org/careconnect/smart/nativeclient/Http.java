package org.careconnect.smart.nativeclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The client's HTTP calls (JSON in, JSON out) with bounded waits, each failure a FlowFailure
 * naming the step. Redirects are not followed: an endpoint that moves is a misconfiguration to
 * report, and following one could carry the bearer token to another host.
 */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;

  /** {@code tls}: whom an https server must chain to ({@link CaTrust}). */
  Http(SSLContext tls) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(tls)
            .build();
  }

  /** GET with {@code Accept: application/json}, and a bearer token when one is given. */
  JsonNode getJson(URI uri, String bearer, String step) throws FlowFailure {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return json(send(request.build(), step), step);
  }

  /** POST of an {@code application/x-www-form-urlencoded} body (RFC 6749 §4.1.3). */
  HttpResponse<String> postForm(URI uri, Map<String, String> form, String step) throws FlowFailure {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        step);
  }

  static JsonNode json(HttpResponse<String> response, String step) throws FlowFailure {
    if (response.statusCode() != 200) {
      throw new FlowFailure(
          step + ": " + response.request().uri() + " answered HTTP " + response.statusCode()
              + errorOf(response.body()));
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new FlowFailure(step + ": the answer of " + response.request().uri() + " is not JSON.", e);
    }
  }

  /** An OAuth error ({@code error}, {@code error_description}, RFC 6749 §5.2) or a FHIR one, briefly. */
  private static String errorOf(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json.hasNonNull("error")) {
        return " (error=" + json.get("error").asText()
            + (json.hasNonNull("error_description") ? ": " + json.get("error_description").asText() : "") + ")";
      }
      JsonNode diagnostics = json.path("issue").path(0).path("diagnostics");
      return diagnostics.isMissingNode() ? "" : " (" + diagnostics.asText() + ")";
    } catch (IOException | RuntimeException notJson) {
      return "";
    }
  }

  private HttpResponse<String> send(HttpRequest request, String step) throws FlowFailure {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlowFailure(step + ": " + request.uri() + " could not be reached (" + e + ").", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlowFailure(step + ": interrupted.", e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
