package org.careconnect.smart.fhir.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A SMART app's authorization-code flow against the real authorisation server, over HTTP, as a
 * browser would do it: login form (with its CSRF token), authorization request (PKCE S256),
 * consent form, code exchange (a public client with {@code client_id} and the verifier, or a
 * confidential one with HTTP Basic). One instance is one browser session: one user.
 */
public final class AuthorizationCodeFlow {

  public static final String REDIRECT_URI = "http://localhost:9200/index.html";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile("name=\"(state|client_id)\" value=\"([^\"]+)\"");
  private static final Pattern OFFERED_SCOPE = Pattern.compile("<input type=\"checkbox\" name=\"scope\"[^>]* value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String issuer;
  private final HttpClient http;

  public AuthorizationCodeFlow(String issuer) {
    this(issuer, null);
  }

  /** {@code tls}: the CAs an https issuer must chain to; null: the JDK's. */
  public AuthorizationCodeFlow(String issuer, SSLContext tls) {
    this.issuer = issuer;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10));
    this.http = (tls == null ? builder : builder.sslContext(tls)).build();
  }

  /**
   * Logs {@code username} in, asks for {@code scope} with audience {@code aud}, approves every
   * scope the consent page offers and exchanges the code: the token response.
   *
   * @param clientSecret null for the public client (PKCE only), else HTTP Basic
   */
  public Map<String, Object> token(
      String username, String password, String clientId, String clientSecret, String scope, String aud) {
    String login = get(issuer + "/login").body();
    expect(302, post(issuer + "/login", Map.of("username", username, "password", password, "_csrf", csrf(login)), null),
        "login of " + username);

    String verifier = verifier();
    Map<String, String> request = new LinkedHashMap<>();
    request.put("response_type", "code");
    request.put("client_id", clientId);
    request.put("redirect_uri", REDIRECT_URI);
    request.put("scope", scope);
    request.put("state", "state-it");
    request.put("aud", aud);
    request.put("code_challenge", challenge(verifier));
    request.put("code_challenge_method", "S256");
    HttpResponse<String> toConsent = expect(302, get(issuer + "/oauth2/authorize?" + form(request)), "authorize");
    HttpResponse<String> consentPage = expect(200, get(absolute(location(toConsent))), "consent page");

    Map<String, Object> consent = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(consentPage.body());
    while (hidden.find()) {
      consent.putIfAbsent(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    // What a browser sends with every box left ticked: the scopes the page offers, i.e. those the
    // server negotiated (a scope the client or the user may not have is not on the page at all).
    List<String> offered = new ArrayList<>();
    Matcher box = OFFERED_SCOPE.matcher(consentPage.body());
    while (box.find()) {
      offered.add(box.group(1).replace("&amp;", "&"));
    }
    consent.put("scope", offered);
    HttpResponse<String> toApp = expect(302, post(issuer + "/oauth2/authorize", consent, null), "consent");
    String code = query(location(toApp)).get("code");
    if (code == null) {
      throw new AssertionError("No code in " + location(toApp));
    }

    Map<String, Object> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code);
    exchange.put("redirect_uri", REDIRECT_URI);
    exchange.put("code_verifier", verifier);
    String basic = null;
    if (clientSecret == null) {
      exchange.put("client_id", clientId);
    } else {
      basic = "Basic " + Base64.getEncoder().encodeToString(
          (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> token = expect(200, post(issuer + "/oauth2/token", exchange, basic), "code exchange");
    try {
      return JSON.readValue(token.body(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new AssertionError("Token response is not JSON: " + token.body(), e);
    }
  }

  private HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
  }

  private HttpResponse<String> post(String url, Map<String, ?> fields, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response, String step) {
    if (response.statusCode() != status) {
      throw new AssertionError(step + ": expected " + status + " but was " + response.statusCode() + " "
          + response.headers().firstValue("Location").orElse("") + " " + response.body());
    }
    return response;
  }

  private String absolute(String location) {
    return location.startsWith("http") ? location : issuer + location;
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("No Location"));
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("No CSRF token in the login page");
    }
    return m.group(1);
  }

  private static Map<String, String> query(String url) {
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

  private static String form(Map<String, ?> fields) {
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

  private static String verifier() {
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
