package org.careconnect.smart.auth.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user agent over real HTTP: keeps cookies (the session), never follows redirects (tests look
 * at each one), and knows the login and consent forms.
 */
public final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile("name=\"(state|client_id)\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  public Browser(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public String base() {
    return base;
  }

  public HttpResponse<String> get(String pathOrUrl, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  public HttpResponse<String> post(String pathOrUrl, Map<String, ?> form, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  /** A CORS preflight for a POST with an Authorization header (Fetch standard §3.2.2). */
  public HttpResponse<String> preflight(String path, String origin) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization")
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET the login page, POST the form with its CSRF token; the answer is the POST's. */
  public HttpResponse<String> login(String username, String password) {
    String page = get("/login").body();
    return post(
        "/login", Map.of("username", username, "password", password, "_csrf", csrf(page)));
  }

  public static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("No CSRF token in page");
    }
    return m.group(1);
  }

  /** The consent form's hidden fields (state, client_id) of a consent page. */
  public static Map<String, String> consentFields(String page) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(page);
    while (m.find()) {
      fields.putIfAbsent(m.group(1), m.group(2).replace("&amp;", "&"));
    }
    return fields;
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("No Location"));
  }

  /** The query parameters of a URL (decoded). */
  public static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  public static String encode(Map<String, ?> form) {
    List<String> pairs = new ArrayList<>();
    form.forEach(
        (key, value) -> {
          if (value instanceof Iterable<?> values) {
            values.forEach(v -> pairs.add(enc(key) + "=" + enc(v.toString())));
          } else {
            pairs.add(enc(key) + "=" + enc(value.toString()));
          }
        });
    return String.join("&", pairs);
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
