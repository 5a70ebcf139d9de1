package org.careconnect.smart.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The authorization code flow of a SMART app, step by step, over real HTTP: authorization
 * request parameters (with PKCE S256), login, consent, code exchange, refresh.
 */
public final class SmartFlow {

  private static final ObjectMapper JSON = new ObjectMapper();
  public final Browser browser;
  public final RegisteredClient client;
  public final String verifier;
  public String clientSecret;

  public SmartFlow(Browser browser, RegisteredClient client) {
    this.browser = browser;
    this.client = client;
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid SMART authorization request for this client; tests change or drop entries. */
  public Map<String, String> request(String scope) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", client.getClientId());
    p.put("redirect_uri", client.getRedirectUris().iterator().next());
    p.put("scope", scope);
    p.put("state", "state-123");
    p.put("aud", Fixtures.FHIR_BASE);
    p.put("nonce", "nonce-456");
    p.put("code_challenge", challenge(verifier));
    p.put("code_challenge_method", "S256");
    return p;
  }

  public HttpResponse<String> authorize(Map<String, String> request) {
    return browser.get("/oauth2/authorize?" + Browser.encode(request));
  }

  /** Logs in, sends the request, approves the given scopes on the consent page: the code. */
  public String code(String username, String scope, Collection<String> approve, boolean remember) {
    assertThat(browser.login(username, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> toConsent = authorize(request(scope));
    assertThat(toConsent.statusCode()).isEqualTo(302);
    HttpResponse<String> answer = consent(Browser.location(toConsent), approve, remember);
    return Browser.query(Browser.location(answer)).get("code");
  }

  public String code(String username, String scope) {
    return code(username, scope, java.util.List.of(scope.split(" ")), false);
  }

  /** Opens the consent page and submits it with the given scopes ticked. */
  public HttpResponse<String> consent(String consentUrl, Collection<String> approve, boolean remember) {
    HttpResponse<String> page = browser.get(consentUrl);
    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, Object> form = new LinkedHashMap<>(Browser.consentFields(page.body()));
    form.put("scope", approve);
    if (remember) {
      form.put("remember", "true");
    }
    HttpResponse<String> answer = browser.post("/oauth2/authorize", form);
    assertThat(answer.statusCode()).isEqualTo(302);
    return answer;
  }

  /** RFC 6749 §4.1.3 as a public client (client_id + PKCE verifier) or with Basic auth. */
  public HttpResponse<String> exchange(String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", client.getRedirectUris().iterator().next());
    form.put("code_verifier", verifier);
    if (clientSecret == null) {
      form.put("client_id", client.getClientId());
      return browser.post("/oauth2/token", form);
    }
    return browser.post("/oauth2/token", form, "Authorization", basic(client.getClientId(), clientSecret));
  }

  /** RFC 7662 introspection of a token, authenticating as this (confidential) flow's client. */
  public Map<String, Object> introspect(String token) {
    return json(
        browser.post(
            "/oauth2/introspect", Map.of("token", token), "Authorization", basic(client.getClientId(), clientSecret)));
  }

  /** A flow of a new confidential client with this secret, over a new browser. */
  public static SmartFlow confidential(int port, Fixtures fixtures, String secret) {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.confidentialClient(secret));
    flow.clientSecret = secret;
    return flow;
  }

  /** A refresh as fhirclient sends it for a public client: no client_id, no credentials. */
  public HttpResponse<String> refresh(String refreshToken) {
    return browser.post(
        "/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  public static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** Spring Authorization Server's RFC 6749 §5.2 body for a failed client authentication. */
  public static Map<String, Object> invalidClient(String parameter) {
    return Map.of(
        "error", "invalid_client",
        "error_description", "Client authentication failed: " + parameter,
        "error_uri", "https://datatracker.ietf.org/doc/html/rfc6749#section-3.2.1");
  }

  public static Map<String, Object> json(HttpResponse<String> response) {
    try {
      return JSON.readValue(response.body(), new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  /** The claims of a JWT (not verified; see TokenEndpointTest for signature checks). */
  public static Map<String, Object> claims(String jwt) {
    try {
      return com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }
}
