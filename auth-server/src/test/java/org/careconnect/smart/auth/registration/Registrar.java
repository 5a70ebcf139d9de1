package org.careconnect.smart.auth.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.Browser;

/** An RFC 7591/7592 client for tests: JSON requests to /register with bearer tokens. */
final class Registrar {

  static final String INITIAL_TOKEN = "test-initial-access-token-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Browser browser;

  Registrar(Browser browser) {
    this.browser = browser;
  }

  /** Metadata of a public SMART app (PKCE, no secret), which tests change or extend. */
  static Map<String, Object> publicApp() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("client_name", "Registered test app");
    metadata.put("redirect_uris", List.of("https://app.example/callback"));
    metadata.put("token_endpoint_auth_method", "none");
    metadata.put("grant_types", List.of("authorization_code", "refresh_token"));
    metadata.put("scope", "openid fhirUser launch/patient patient/*.rs");
    return metadata;
  }

  HttpResponse<String> register(Map<String, Object> metadata) {
    return register(metadata, INITIAL_TOKEN);
  }

  HttpResponse<String> register(Map<String, Object> metadata, String initialToken) {
    return send("POST", "/register", json(metadata), initialToken);
  }

  HttpResponse<String> read(String clientUri, String token) {
    return send("GET", clientUri, null, token);
  }

  HttpResponse<String> update(String clientUri, String token, Map<String, Object> metadata) {
    return send("PUT", clientUri, json(metadata), token);
  }

  HttpResponse<String> delete(String clientUri, String token) {
    return send("DELETE", clientUri, null, token);
  }

  HttpResponse<String> send(String method, String path, String body, String token) {
    String url = path.startsWith("http") ? path.replaceFirst("^https?://[^/]+", browser.base()) : browser.base() + path;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return browser.send(request.build());
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
