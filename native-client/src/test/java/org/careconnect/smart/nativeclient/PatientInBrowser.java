package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The system browser, played by an HTTP client with cookies that follows each redirect by hand:
 * it opens the printed authorize URL, logs in on the form (with its CSRF token), answers the
 * consent page, and follows the last redirect to the client's loopback listener.
 */
final class PatientInBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern HIDDEN = Pattern.compile("name=\"(state|client_id)\" value=\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final String issuer;

  PatientInBrowser(String issuer) {
    this.issuer = issuer;
  }

  /**
   * Opens {@code authorizeUrl}, logs in, and on the consent page approves {@code approve} (or
   * presses "Do not allow" when it is empty): the page the loopback listener answered with.
   */
  HttpResponse<String> signIn(String authorizeUrl, String username, String password, List<String> approve)
      throws IOException, InterruptedException {
    HttpResponse<String> toLogin = expect(302, get(authorizeUrl));
    HttpResponse<String> loginPage = expect(200, get(location(toLogin)));
    HttpResponse<String> loggedIn = expect(302, post("/login",
        Map.of("username", username, "password", password, "_csrf", first(CSRF, loginPage.body()))));
    HttpResponse<String> toConsent = expect(302, get(location(loggedIn))); // the saved authorize request
    HttpResponse<String> consentPage = expect(200, get(location(toConsent)));

    Map<String, Object> form = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(consentPage.body());
    while (hidden.find()) {
      form.putIfAbsent(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    if (!approve.isEmpty()) {
      form.put("scope", approve);
    }
    HttpResponse<String> toApp = expect(302, post("/oauth2/authorize", form));
    assertThat(location(toApp)).startsWith("http://127.0.0.1:");
    return get(location(toApp));
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    URI uri = URI.create(url.startsWith("http") ? url : issuer + url);
    return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, ?> form) throws IOException, InterruptedException {
    String body = form.entrySet().stream()
        .flatMap(e -> (e.getValue() instanceof List<?> values ? values : List.of(e.getValue())).stream()
            .map(v -> Http.encode(e.getKey()) + "=" + Http.encode(v.toString())))
        .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(issuer + path)).timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as("%s %s → %s", response.request().method(), response.request().uri(),
            response.headers().firstValue("Location").orElse(response.body()))
        .isEqualTo(status);
    return response;
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("No Location"));
  }

  private static String first(Pattern pattern, String page) {
    Matcher m = pattern.matcher(page);
    assertThat(m.find()).as("a CSRF token in the login page").isTrue();
    return m.group(1);
  }
}
