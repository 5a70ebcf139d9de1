package org.careconnect.smart.launcher.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo sample-app does with a launch URL, over HTTP: the SMART authorization request
 * (PKCE S256, {@code aud} = {@code iss}, {@code launch}), login, consent and code exchange.
 */
public final class SampleApp {

  static final String REDIRECT = "http://localhost:9200/index.html";
  private static final Pattern HIDDEN = Pattern.compile("name=\"(state|client_id)\" value=\"([^\"]+)\"");
  private final Agent agent = new Agent();
  private final String auth;
  private final String verifier = "v".repeat(20) + System.nanoTime() + "-verifier-of-enough-length";

  public SampleApp(String authBase) {
    this.auth = authBase;
  }

  /** The authorization request for the launch URL the app was opened with; its answer. */
  public HttpResponse<String> authorize(String appUrl, String scope) throws Exception {
    Map<String, String> launch = Agent.query(appUrl);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", "sample-app");
    p.put("redirect_uri", REDIRECT);
    p.put("scope", scope);
    p.put("state", "s-1");
    p.put("aud", launch.get("iss"));
    p.put("launch", launch.get("launch"));
    p.put("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))));
    p.put("code_challenge_method", "S256");
    return agent.get(auth + "/oauth2/authorize?" + Agent.encode(p));
  }

  public void login(String username, String password) {
    String page = agent.get(auth + "/login").body();
    HttpResponse<String> answer = agent.post(auth + "/login", Map.of("username", username, "password", password, "_csrf", Agent.csrf(page)));
    assertThat(answer.statusCode()).isEqualTo(302);
  }

  /** Approves every listed scope on the consent page and exchanges the code: the token response. */
  public JsonNode consentAndExchange(String consentUrl, List<String> scopes) throws Exception {
    String page = agent.get(consentUrl.startsWith("http") ? consentUrl : auth + consentUrl).body();
    Map<String, Object> form = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(page);
    while (m.find()) {
      form.putIfAbsent(m.group(1), m.group(2).replace("&amp;", "&"));
    }
    form.put("scope", scopes);
    return exchange(agent.post(auth + "/oauth2/authorize", form));
  }

  /** Exchanges the code of a redirect to the app: the token response. */
  public JsonNode exchange(HttpResponse<String> toApp) throws Exception {
    String code = Agent.query(Agent.location(toApp)).get("code");
    assertThat(code).as(Agent.location(toApp)).isNotNull();
    HttpResponse<String> token =
        agent.post(auth + "/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
            "redirect_uri", REDIRECT, "code_verifier", verifier, "client_id", "sample-app"));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    return new ObjectMapper().readTree(token.body());
  }
}
