package org.careconnect.smart.cluster.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser over plain HTTP: its cookie jar is kept by hand, so the same cookies go to whichever
 * node a step is sent to (as they would through one load-balanced host name), and the test sees
 * every Set-Cookie header. Redirects are not followed: each step names its node.
 */
public final class Browser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final List<String> setCookies = new ArrayList<>();

  public HttpResponse<String> get(String url) {
    return send(request(url).GET());
  }

  public HttpResponse<String> post(String url, Map<String, ?> fields) {
    return send(request(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
  }

  /** Every Set-Cookie header this browser received, in order. */
  public List<String> setCookies() {
    return List.copyOf(setCookies);
  }

  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    if (!cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach((name, value) -> pairs.add(name + "=" + value));
      builder.header("Cookie", String.join("; ", pairs));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        setCookies.add(header);
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- small helpers for reading pages and redirects ---

  public static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("No CSRF token in " + page.uri() + ": " + page.body());
    }
    return m.group(1);
  }

  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("No Location from " + response.uri() + " (" + response.statusCode() + ")"));
  }

  /** Path and query of the redirect target, to send to a node of the test's choosing. */
  public static String redirectPath(HttpResponse<?> response) {
    URI target = URI.create(location(response));
    return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
  }

  public static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  public static Map<String, Object> json(HttpResponse<String> response) {
    try {
      return JSON.readValue(response.body(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + " " + response.uri() + "): " + response.body(), e);
    }
  }

  public static String form(Map<String, ?> fields) {
    List<String> pairs = new ArrayList<>();
    fields.forEach((key, value) -> {
      if (value instanceof Iterable<?> values) {
        values.forEach(v -> pairs.add(enc(key) + "=" + enc(v.toString())));
      } else {
        pairs.add(enc(key) + "=" + enc(value.toString()));
      }
    });
    return String.join("&", pairs);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
