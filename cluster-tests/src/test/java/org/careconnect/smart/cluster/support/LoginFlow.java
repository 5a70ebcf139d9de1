package org.careconnect.smart.cluster.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMART authorization-code flow of the public demo client {@code sample-app} (PKCE S256) as a
 * browser drives it over HTTP, with <b>every step sent to the next node in turn</b>: the
 * authorization request to one auth node, the login page to the other, the login form back to the
 * first, and so on through the picker, the consent page, the code exchange. It only completes if
 * the session (login, CSRF token, saved request, picker state) and the authorization state are
 * shared. {@link #trail()} records which node served which step.
 */
public final class LoginFlow {

  public static final String CLIENT_ID = "sample-app";
  public static final String REDIRECT_URI = "http://localhost:9200/index.html";
  private static final Pattern HIDDEN = Pattern.compile("name=\"(state|client_id)\" value=\"([^\"]+)\"");

  private final Browser browser = new Browser();
  private final List<ServiceNode> nodes;
  private final List<String> trail = new ArrayList<>();
  private int step;

  public LoginFlow(List<ServiceNode> nodes) {
    this.nodes = nodes;
  }

  /**
   * Logs in, asks for {@code scope} (with {@code launch} when not null), picks the patient with
   * NHS number {@code pickNhsNumber} when the picker appears, approves every scope and exchanges
   * the code: the token response.
   */
  public Map<String, Object> token(String username, String password, String scope, String aud, String launch,
      String pickNhsNumber) {
    String verifier = verifier();
    Map<String, String> request = new LinkedHashMap<>();
    request.put("response_type", "code");
    request.put("client_id", CLIENT_ID);
    request.put("redirect_uri", REDIRECT_URI);
    request.put("scope", scope);
    request.put("state", "cluster-state");
    request.put("aud", aud);
    if (launch != null) {
      request.put("launch", launch);
    }
    request.put("code_challenge", challenge(verifier));
    request.put("code_challenge_method", "S256");

    HttpResponse<String> toLogin = expect(302, get("/oauth2/authorize?" + Browser.form(request)), "authorize");
    expectPath(toLogin, "/login");
    HttpResponse<String> loginPage = expect(200, get("/login"), "login page");
    HttpResponse<String> next = expect(302, post("/login",
        Map.of("username", username, "password", password, "_csrf", Browser.csrf(loginPage))), "login");
    // The saved authorization request, resumed on the other node.
    expectPath(next, "/oauth2/authorize");

    for (int redirects = 0; redirects < 10; redirects++) {
      String target = Browser.location(next);
      if (target.startsWith(REDIRECT_URI)) {
        String code = Browser.query(target).get("code");
        if (code == null) {
          throw new AssertionError("No code in " + target);
        }
        return exchange(code, verifier);
      }
      String path = Browser.redirectPath(next);
      HttpResponse<String> page = get(path);
      if (page.statusCode() == 302) {
        next = page;
      } else if (path.startsWith("/picker")) {
        next = pick(expect(200, page, "picker"), pickNhsNumber);
      } else {
        next = consent(expect(200, page, "consent page"), scope);
      }
    }
    throw new AssertionError("No code after 10 redirects; trail " + trail);
  }

  private HttpResponse<String> pick(HttpResponse<String> pickerPage, String nhsNumber) {
    if (nhsNumber == null) {
      throw new AssertionError("Unexpected patient picker: " + pickerPage.uri());
    }
    String pick = Browser.query(pickerPage.uri().toString()).get("pick");
    HttpResponse<String> results = expect(200, get("/picker?pick=" + pick + "&nhsNumber=" + nhsNumber), "picker search");
    Matcher patient = Pattern.compile("name=\"patient\" value=\"([^\"]+)\"").matcher(results.body());
    if (!results.body().contains("1 patient found") || !patient.find()) {
      throw new AssertionError("Picker search did not find NHS number " + nhsNumber + ": " + results.body());
    }
    return expect(302, post("/picker/patient",
        Map.of("pick", pick, "patient", patient.group(1), "_csrf", Browser.csrf(results))), "picker choice");
  }

  private HttpResponse<String> consent(HttpResponse<String> consentPage, String scope) {
    Map<String, Object> form = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(consentPage.body());
    while (hidden.find()) {
      form.putIfAbsent(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    form.put("scope", List.of(scope.split(" ")));
    return expect(302, post("/oauth2/authorize", form), "consent");
  }

  private Map<String, Object> exchange(String code, String verifier) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", REDIRECT_URI);
    form.put("code_verifier", verifier);
    form.put("client_id", CLIENT_ID);
    return Browser.json(expect(200, post("/oauth2/token", form), "code exchange"));
  }

  /** A refresh-token grant at the given node (public client: client_id in the form). */
  public static HttpResponse<String> refresh(ServiceNode node, String refreshToken) {
    return new Browser().post(node.origin() + "/oauth2/token",
        Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT_ID));
  }

  /** "GET /login -> auth-2", one entry per request, in order. */
  public List<String> trail() {
    return List.copyOf(trail);
  }

  public Browser browser() {
    return browser;
  }

  private HttpResponse<String> get(String path) {
    ServiceNode node = nextNode();
    trail.add("GET " + path.split("\\?", 2)[0] + " -> " + node.name());
    return browser.get(node.origin() + path);
  }

  private HttpResponse<String> post(String path, Map<String, ?> form) {
    ServiceNode node = nextNode();
    trail.add("POST " + path + " -> " + node.name());
    return browser.post(node.origin() + path, form);
  }

  private ServiceNode nextNode() {
    return nodes.get(step++ % nodes.size());
  }

  private HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
    if (response.statusCode() != status) {
      throw new AssertionError(what + ": expected " + status + " but was " + response.statusCode() + " "
          + response.headers().firstValue("Location").orElse("") + " " + response.body() + "; trail " + trail);
    }
    return response;
  }

  private static void expectPath(HttpResponse<String> redirect, String path) {
    if (!Browser.redirectPath(redirect).startsWith(path)) {
      throw new AssertionError("Expected a redirect to " + path + " but got " + Browser.location(redirect));
    }
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
