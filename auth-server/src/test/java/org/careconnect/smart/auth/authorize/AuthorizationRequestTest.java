package org.careconnect.smart.auth.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** RFC 6749 §4.1.1-4.1.2 with the SMART rules (PKCE, aud, redirect URIs, state). */
@AuthServerIntegrationTest
class AuthorizationRequestTest {

  static final String PKCE_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1";
  static final String SCOPE = "openid patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  Browser browser;
  String patient;

  @BeforeEach
  void login() {
    browser = new Browser(port);
    patient = fixtures.patient("p-1");
    assertThat(browser.login(patient, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
  }

  @Test
  void consentPageWhenPublicClientSendsS256ThenCodeWithStateAndNoIss() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    HttpResponse<String> response = flow.authorize(flow.request(SCOPE));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(Browser.location(response)).contains("/oauth2/consent?");

    HttpResponse<String> answer = flow.consent(Browser.location(response), List.of("patient/*.rs"), false);
    String location = Browser.location(answer);
    assertThat(location).startsWith(Fixtures.REDIRECT + "?");
    assertThat(Browser.query(location)).containsOnlyKeys("code", "state");
    assertThat(Browser.query(location)).containsEntry("state", "state-123");
  }

  @Test
  void errorRedirectWhenPublicClientSendsPlainPkceThenNoCode() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    Map<String, String> request = flow.request(SCOPE);
    request.put("code_challenge", flow.verifier);
    request.put("code_challenge_method", "plain");

    assertErrorRedirect(
        flow.authorize(request),
        entry("error", "invalid_request"),
        entry("error_description", "OAuth 2.0 Parameter: code_challenge_method"),
        entry("error_uri", PKCE_ERROR_URI));
  }

  @Test
  void errorRedirectWhenPublicClientSendsNoPkceThenNoCode() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    Map<String, String> request = flow.request(SCOPE);
    request.remove("code_challenge");
    request.remove("code_challenge_method");

    assertErrorRedirect(
        flow.authorize(request),
        entry("error", "invalid_request"),
        entry("error_description", "OAuth 2.0 Parameter: code_challenge"),
        entry("error_uri", PKCE_ERROR_URI));
  }

  @Test
  void errorRedirectWhenAudMissingThenNoCode() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    Map<String, String> request = flow.request(SCOPE);
    request.remove("aud");

    assertErrorRedirect(
        flow.authorize(request),
        entry("error", "invalid_request"),
        entry(
            "error_description", "The aud parameter is required: the FHIR base URL the app will use"));
  }

  @Test
  void errorRedirectWhenAudIsAnotherServerThenNoCode() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    Map<String, String> request = flow.request(SCOPE);
    request.put("aud", "https://evil.example/fhir");

    assertErrorRedirect(
        flow.authorize(request),
        entry("error", "invalid_request"),
        entry(
            "error_description",
            "The aud parameter is not a FHIR server this authorisation server serves"));
  }

  @Test
  void errorPageWhenClientUnknownThenNoRedirect() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    Map<String, String> request = flow.request(SCOPE);
    request.put("client_id", "no-such-client");
    HttpResponse<String> response =
        browser.get("/oauth2/authorize?" + Browser.encode(request), "Accept", "text/html");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("There is a problem").doesNotContain("Exception");
  }

  @Test
  void errorPageWhenRedirectUriDiffersThenNoRedirect() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    for (String wrong :
        List.of(Fixtures.REDIRECT + "/more", Fixtures.REDIRECT + "?x=1", "https://app.example/")) {
      Map<String, String> request = flow.request(SCOPE);
      request.put("redirect_uri", wrong);
      HttpResponse<String> response =
          browser.get("/oauth2/authorize?" + Browser.encode(request), "Accept", "text/html");

      assertThat(response.statusCode()).as(wrong).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).as(wrong).isEmpty();
      assertThat(response.body()).contains("There is a problem");
    }
  }

  @Test
  void codeWhenLoopbackRedirectUsesAnotherPort() {
    RegisteredClient client =
        fixtures.publicClient(
            List.of("http://127.0.0.1/callback", "http://[::1]/callback"), Fixtures.APP_SCOPES);
    SmartFlow flow = new SmartFlow(browser, client);
    for (String redirect : List.of("http://127.0.0.1:53127/callback", "http://[::1]:61000/callback")) {
      Map<String, String> request = flow.request(SCOPE);
      request.put("redirect_uri", redirect);
      HttpResponse<String> response = flow.authorize(request);

      assertThat(response.statusCode()).as(redirect).isEqualTo(302);
      assertThat(Browser.location(response)).as(redirect).contains("/oauth2/consent?");
    }
  }

  @Test
  void errorPageWhenLoopbackRedirectHasAnotherPath() {
    RegisteredClient client =
        fixtures.publicClient(List.of("http://127.0.0.1/callback"), Fixtures.APP_SCOPES);
    SmartFlow flow = new SmartFlow(browser, client);
    Map<String, String> request = flow.request(SCOPE);
    request.put("redirect_uri", "http://127.0.0.1:53127/other");

    assertThat(flow.authorize(request).statusCode()).isEqualTo(400);
  }

  @Test
  void codeWhenPrivateUseSchemeMatchesExactly() {
    RegisteredClient client =
        fixtures.publicClient(List.of("com.example.app:/callback"), Fixtures.APP_SCOPES);
    SmartFlow flow = new SmartFlow(browser, client);
    HttpResponse<String> toConsent = flow.authorize(flow.request(SCOPE));
    HttpResponse<String> answer = flow.consent(Browser.location(toConsent), List.of("patient/*.rs"), false);

    assertThat(Browser.location(answer)).startsWith("com.example.app:/callback?code=");

    Map<String, String> other = flow.request(SCOPE);
    other.put("redirect_uri", "com.evil.app:/callback");
    assertThat(flow.authorize(other).statusCode()).isEqualTo(400);
  }

  @Test
  void consentPageWhenAuthorizationRequestIsPosted() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    HttpResponse<String> response = browser.post("/oauth2/authorize", flow.request(SCOPE));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(Browser.location(response)).contains("/oauth2/consent?");
  }

  @Test
  void loginPageWhenNoSession() {
    Browser anonymous = new Browser(port);
    SmartFlow flow = new SmartFlow(anonymous, fixtures.publicClient());
    HttpResponse<String> response = flow.authorize(flow.request(SCOPE));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(Browser.location(response)).isEqualTo(anonymous.base() + "/login");
  }

  @Test
  void errorRedirectWhenNoRequestedScopeIsAllowed() {
    SmartFlow flow = new SmartFlow(browser, fixtures.publicClient());
    assertErrorRedirect(
        flow.authorize(flow.request("user/*.cruds")),
        entry("error", "invalid_scope"),
        entry("error_description", "None of the requested scopes is allowed for this app"));
  }

  /** RFC 6749 §4.1.2.1: a redirect to the app with exactly these parameters and the state. */
  @SafeVarargs
  private static void assertErrorRedirect(
      HttpResponse<String> response, Map.Entry<String, String>... parameters) {
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(Browser.location(response)).startsWith(Fixtures.REDIRECT + "?");
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters) {
      expected.put(parameter.getKey(), parameter.getValue());
    }
    expected.put("state", "state-123");
    assertThat(Browser.query(Browser.location(response))).containsExactlyEntriesOf(expected);
  }
}
