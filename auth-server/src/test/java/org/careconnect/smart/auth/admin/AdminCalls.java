package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.account.UserDirectory.UserChange;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;

/** Calls to the admin API over real HTTP, as one user (HTTP Basic) or as nobody. */
final class AdminCalls {

  private final Browser http;
  private final String authorization;

  private AdminCalls(Browser http, String authorization) {
    this.http = http;
    this.authorization = authorization;
  }

  static AdminCalls as(int port, String username, String password) {
    return new AdminCalls(new Browser(port), SmartFlow.basic(username, password));
  }

  static AdminCalls anonymous(int port) {
    return new AdminCalls(new Browser(port), null);
  }

  /** A new enabled admin user (unique name, password {@link Fixtures#PASSWORD}). */
  static String newAdmin(UserDirectory users) {
    String username = "admin-" + UUID.randomUUID();
    users.create(
        new UserChange(username, Fixtures.PASSWORD, "CLINICIAN", "Practitioner/admin-1", "Admin", true, true));
    return username;
  }

  /** A JSON array body. */
  static List<Map<String, Object>> list(HttpResponse<String> response) {
    try {
      return new ObjectMapper().readValue(response.body(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("Not a JSON array: " + response.body(), e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String json) {
    return send("POST", path, json);
  }

  HttpResponse<String> put(String path, String json) {
    return send("PUT", path, json);
  }

  HttpResponse<String> delete(String path) {
    return send("DELETE", path, null);
  }

  private HttpResponse<String> send(String method, String path, String json) {
    List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
    if (authorization != null) {
      headers.addAll(List.of("Authorization", authorization));
    }
    if (json != null) {
      headers.addAll(List.of("Content-Type", "application/json"));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .headers(headers.toArray(String[]::new))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request);
  }
}
