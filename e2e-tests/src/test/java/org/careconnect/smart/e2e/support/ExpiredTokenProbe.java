package org.careconnect.smart.e2e.support;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sample app's EHR launch over plain HTTP, for what a browser test cannot see (the token the
 * app received before it refreshed): opens a launcher URL, follows it to the authorize endpoint
 * with PKCE and exchanges the code. Needs a launch that skips login and consent.
 */
public final class ExpiredTokenProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** The token response's top-level string and number members (no JSON library in this module). */
  private static final Pattern MEMBER = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*(?:\"([^\"]*)\"|(-?\\d+))");

  private ExpiredTokenProbe() {}

  /** The token response (as strings) of a provider EHR launch of demo-pat-1 with these options. */
  public static Map<String, String> tokenOfALaunch(Stack stack, String options) throws Exception {
    HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(TIMEOUT)
        .build();
    String appUrl = location(send(http, get(
        stack.launcher.origin() + "/launch?type=PROVIDER_EHR&patient=demo-pat-1&open=TAB&" + options)));
    Map<String, String> launch = query(appUrl);
    String redirectUri = stack.app.origin() + "/index.html";
    String verifier = verifier();
    Map<String, String> request = new LinkedHashMap<>();
    request.put("response_type", "code");
    request.put("client_id", "sample-app");
    request.put("redirect_uri", redirectUri);
    request.put("scope", "openid fhirUser launch patient/*.rs");
    request.put("state", "e2e");
    request.put("aud", launch.get("iss"));
    request.put("launch", launch.get("launch"));
    request.put("code_challenge", challenge(verifier));
    request.put("code_challenge_method", "S256");
    String toApp = location(send(http, get(stack.auth.origin() + "/oauth2/authorize?" + form(request))));
    String code = query(toApp).get("code");
    if (code == null) {
      throw new AssertionError("No code in " + toApp);
    }
    HttpResponse<String> token = send(http, HttpRequest.newBuilder(URI.create(stack.auth.origin() + "/oauth2/token"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
            "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
            "code_verifier", verifier, "client_id", "sample-app"))))
        .build());
    if (token.statusCode() != 200) {
      throw new AssertionError("Code exchange: " + token.statusCode() + " " + token.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher member = MEMBER.matcher(token.body());
    while (member.find()) {
      fields.putIfAbsent(member.group(1), member.group(2) != null ? member.group(2) : member.group(3));
    }
    return fields;
  }

  /** A FHIR read with this bearer token. */
  public static HttpResponse<String> read(String url, String accessToken) throws Exception {
    return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + accessToken)
        .header("Accept", "application/fhir+json")
        .GET()
        .build());
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("No redirect: " + response.statusCode() + " " + response.body()));
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

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String verifier() {
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String challenge(String verifier) throws NoSuchAlgorithmException {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }
}
