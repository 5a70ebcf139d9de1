// The client side of scripts/bench/auth-server.sh, run as a JDK single-file program (no
// dependencies): prepares what wrk sends and measures what wrk cannot (a browser login).
//
//   java AuthBenchClient.java assertions N TOKEN_URL KEY_PEM KID OUT
//       N client_credentials request bodies, each with its own RS384 client assertion (unique
//       jti, exp 5 minutes ahead), one per line: signing is the client's cost, paid before the
//       timed run.
//   java AuthBenchClient.java refresh-tokens N BASE AUD OUT
//       N live refresh tokens of sample-app (public, PKCE S256) for the clinician, through the
//       authorization code flow: login form with CSRF, consent remembered, code exchange.
//   java AuthBenchClient.java access-token BASE AUD USER PASSWORD SCOPE
//       one access token of sample-app for USER through the same flow, printed (for
//       scripts/bench/security-overhead.sh: a patient-scoped token).
//   java AuthBenchClient.java logins BASE SECONDS CONNECTIONS
//       full password logins for SECONDS with CONNECTIONS concurrent browsers: a protected page
//       (redirect to /login), the login page (CSRF token, session), credentials, the landing page.
//       Prints logins/s, p50, p99 and failures.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

public class AuthBenchClient {

  static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern HIDDEN = Pattern.compile("name=\"(state|client_id)\" value=\"([^\"]+)\"");
  static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "assertions" -> assertions(
          Integer.parseInt(args[1]), args[2], Path.of(args[3]), args[4], Path.of(args[5]));
      case "refresh-tokens" -> refreshTokens(
          Integer.parseInt(args[1]), args[2], args[3], Path.of(args[4]));
      case "access-token" -> accessToken(args[1], args[2], args[3], args[4], args[5]);
      case "logins" -> logins(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void assertions(int n, String tokenUrl, Path pem, String kid, Path out) throws Exception {
    String base64 =
        Files.readAllLines(pem).stream()
            .dropWhile(l -> !l.startsWith("-----BEGIN PRIVATE KEY"))
            .skip(1)
            .takeWhile(l -> !l.startsWith("-----END"))
            .collect(Collectors.joining());
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    String header = b64("{\"alg\":\"RS384\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
    long exp = System.currentTimeMillis() / 1000 + 290;
    // in parallel: RSA signing is the slow part of preparing tens of thousands of requests
    List<String> lines =
        java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> body(key, header, tokenUrl, exp))
            .toList();
    Files.write(out, lines);
  }

  static String body(PrivateKey key, String header, String tokenUrl, long exp) {
    try {
      Signature rs384 = Signature.getInstance("SHA384withRSA");
      String claims =
          b64(
              String.format(
                  "{\"iss\":\"careconnect-backend\",\"sub\":\"careconnect-backend\",\"aud\":\"%s\","
                      + "\"exp\":%d,\"jti\":\"%s\"}",
                  tokenUrl, exp, UUID.randomUUID()));
      rs384.initSign(key);
      rs384.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
      String jwt = header + "." + claims + "." + B64URL.encodeToString(rs384.sign());
      return form(
          Map.of(
              "grant_type", "client_credentials",
              "scope", "system/*.rs",
              "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
              "client_assertion", jwt));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static void refreshTokens(int n, String base, String aud, Path out) throws Exception {
    Session browser = loggedIn(base, "clinician", "clinician-demo-password");
    List<String> tokens = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String token = codeFlow(browser, base, aud, "openid fhirUser offline_access user/*.rs", "s" + i);
      Matcher refresh = REFRESH.matcher(token);
      if (!refresh.find()) {
        throw new IllegalStateException("no refresh token: " + token);
      }
      tokens.add(refresh.group(1));
    }
    Files.write(out, tokens);
  }

  static void accessToken(String base, String aud, String user, String password, String scope) throws Exception {
    String token = codeFlow(loggedIn(base, user, password), base, aud, scope, "s0");
    Matcher access = ACCESS.matcher(token);
    if (!access.find()) {
      throw new IllegalStateException("no access token: " + token);
    }
    System.out.println(access.group(1));
  }

  static Session loggedIn(String base, String user, String password) throws Exception {
    Session browser = new Session(base);
    // the demo users are created just after start-up: try again for a few seconds
    for (int attempt = 0; ; attempt++) {
      String landing = browser.login(user, password).headers().firstValue("Location").orElse("");
      if (!landing.contains("error")) {
        return browser;
      }
      if (attempt == 20) {
        throw new IllegalStateException("login failed: " + landing);
      }
      Thread.sleep(500);
    }
  }

  /**
   * One authorization code flow of sample-app (public, PKCE S256) in a logged-in browser: the
   * consent page the first time (the decision remembered), then the code exchange. The token
   * endpoint's JSON answer.
   */
  static String codeFlow(Session browser, String base, String aud, String scope, String state) throws Exception {
    String redirect = "http://localhost:9200/index.html";
    String verifier = B64URL.encodeToString(random(32));
    Map<String, String> request = new LinkedHashMap<>();
    request.put("response_type", "code");
    request.put("client_id", "sample-app");
    request.put("redirect_uri", redirect);
    request.put("scope", scope);
    request.put("state", state);
    request.put("aud", aud);
    request.put(
        "code_challenge",
        B64URL.encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII))));
    request.put("code_challenge_method", "S256");
    HttpResponse<String> answer = browser.get("/oauth2/authorize?" + form(request));
    String location = answer.headers().firstValue("Location").orElse("");
    if (!location.startsWith(base) && !location.contains("code=")) {
      throw new IllegalStateException("unexpected answer: " + answer.statusCode() + " " + location);
    }
    if (!location.contains("code=")) { // the consent page, the first time: remember the decision
      HttpResponse<String> page = browser.get(location);
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher m = HIDDEN.matcher(page.body());
      while (m.find()) {
        fields.putIfAbsent(m.group(1), m.group(2).replace("&amp;", "&"));
      }
      String body =
          form(fields)
              + "&remember=true&"
              + List.of(scope.split(" ")).stream()
                  .map(s -> "scope=" + enc(s))
                  .collect(Collectors.joining("&"));
      location = browser.post("/oauth2/authorize", body).headers().firstValue("Location").orElseThrow();
    }
    String code = query(location).get("code");
    if (code == null) {
      throw new IllegalStateException("no code: " + location);
    }
    return browser.post(
            "/oauth2/token",
            form(
                Map.of(
                    "grant_type", "authorization_code",
                    "code", code,
                    "redirect_uri", redirect,
                    "client_id", "sample-app",
                    "code_verifier", verifier)))
        .body();
  }

  static void logins(String base, int seconds, int connections) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      Thread thread =
          new Thread(
                  () -> {
                    while (System.nanoTime() < end) {
                      long t0 = System.nanoTime();
                      try {
                        Session browser = new Session(base);
                        if (browser.fullLogin("clinician", "clinician-demo-password")) {
                          latencies.add(System.nanoTime() - t0);
                        } else {
                          failures.incrementAndGet();
                        }
                      } catch (Exception e) {
                        if (failures.incrementAndGet() == 1) {
                          System.err.println("first failure: " + e);
                        }
                      }
                    }
                  });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "logins/s %.1f p50 %.1fms p99 %.1fms logins %d failures %d%n",
        sorted.size() / elapsed,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted.size(),
        failures.get());
  }

  static long percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
  }

  /** A browser's session: one cookie (JSESSIONID), kept by hand so the HTTP client is shared. */
  static final class Session {
    final String base;
    String cookie;

    Session(String base) {
      this.base = base;
    }

    boolean fullLogin(String username, String password) throws Exception {
      HttpResponse<String> protectedPage = get("/account/approvals");
      if (protectedPage.statusCode() != 302) {
        return false;
      }
      HttpResponse<String> afterLogin = login(username, password);
      String landing = afterLogin.headers().firstValue("Location").orElse("");
      return afterLogin.statusCode() == 302
          && landing.contains("/account/approvals")
          && get(landing).statusCode() == 200;
    }

    HttpResponse<String> login(String username, String password) throws Exception {
      HttpResponse<String> page = get("/login");
      Matcher csrf = CSRF.matcher(page.body());
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF token");
      }
      return post(
          "/login",
          form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
      return URI.create(path.startsWith("http") ? path : base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (cookie != null) {
        request.header("Cookie", cookie);
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith("JSESSIONID="))
          .findFirst()
          .ifPresent(c -> cookie = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')));
      return response;
    }
  }

  static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String q = URI.create(url).getRawQuery();
    for (String pair : q == null ? new String[0] : q.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
