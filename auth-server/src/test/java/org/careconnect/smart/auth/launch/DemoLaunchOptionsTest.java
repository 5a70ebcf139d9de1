package org.careconnect.smart.auth.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.careconnect.smart.auth.user.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's launch options, as the launcher uses them with the demo sample-app and demo
 * users: simulated errors (expired_token, invalid_scope, missing_pkce) and the skip_login /
 * skip_consent shortcuts, with their limits (demo users only, never an admin, own client only,
 * once). Same configuration as {@link LauncherDemoClientTest}, so the same server.
 */
@SpringBootTest(
    classes = AuthServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:launch-demo;MODE=MySQL;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "demo"})
class DemoLaunchOptionsTest {

  private static final String SCOPE = "openid fhirUser launch patient/*.rs offline_access";
  private static final String CLINICIAN = "Practitioner/demo-prac-1-1";
  private static final String SAMPLE_APP_REDIRECT = "http://localhost:9200/index.html";

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository clients;
  @Autowired UserAccounts users;

  @Test
  void expiredTokenWhenCodeExchangedThenAccessTokenAlreadyExpiredAndRefreshGivesAWorkingOne() {
    SmartFlow flow = sampleApp();
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launch(",\"user\":\"" + CLINICIAN + "\",\"simulated_error\":\"expired_token\""));
    assertThat(flow.browser.login("clinician", "clinician-demo-password").statusCode()).isEqualTo(302);
    HttpResponse<String> toApp =
        flow.consent(Browser.location(flow.authorize(request)), List.of(SCOPE.split(" ")), false);

    Map<String, Object> token = SmartFlow.json(flow.exchange(code(toApp)));

    Map<String, Object> claims = SmartFlow.claims((String) token.get("access_token"));
    long exp = ((Number) claims.get("exp")).longValue();
    assertThat(exp - ((Number) claims.get("iat")).longValue()).isEqualTo(1);
    // past the FHIR server's 60 s clock skew: its first call is refused with invalid_token
    assertThat(exp).isLessThan(Instant.now().getEpochSecond() - 60);
    // Spring's token response never goes below 0: an app reading expires_in sees it expired now
    assertThat(((Number) token.get("expires_in")).longValue()).isZero();
    assertThat(token).containsEntry("patient", "demo-pat-1");

    Map<String, Object> refreshed =
        SmartFlow.json(flow.refresh((String) token.get("refresh_token")));
    long refreshedExp =
        ((Number) SmartFlow.claims((String) refreshed.get("access_token")).get("exp")).longValue();
    assertThat(refreshedExp).isGreaterThan(Instant.now().getEpochSecond() + 60);
    assertThat(refreshed).containsEntry("patient", "demo-pat-1");
  }

  @Test
  void invalidScopeWhenAuthorizationRequestedThenInvalidScopeRedirectWithState() {
    SmartFlow flow = sampleApp();
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launch(",\"simulated_error\":\"invalid_scope\""));

    HttpResponse<String> refused = flow.authorize(request);

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(Browser.location(refused)).startsWith(SAMPLE_APP_REDIRECT + "?");
    assertThat(Browser.query(Browser.location(refused)))
        .containsOnly(
            Map.entry("error", "invalid_scope"),
            Map.entry("error_description", "the requested scope is invalid (simulated error of this demo launch)"),
            Map.entry("state", "state-123"));
  }

  @Test
  void missingPkceWhenAuthorizationRequestedThenRefusedAsWithoutCodeChallenge() {
    SmartFlow flow = sampleApp();
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launch(",\"simulated_error\":\"missing_pkce\""));

    HttpResponse<String> refused = flow.authorize(request);

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(Browser.location(refused)).startsWith(SAMPLE_APP_REDIRECT + "?");
    assertThat(Browser.query(Browser.location(refused)))
        .containsOnly(
            Map.entry("error", "invalid_request"),
            Map.entry("error_description", "OAuth 2.0 Parameter: code_challenge"),
            Map.entry("error_uri", "https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1"),
            Map.entry("state", "state-123"));
    // and what the real thing looks like: the same answer for a request without code_challenge
    SmartFlow withoutPkce = sampleApp();
    Map<String, String> real = withoutPkce.request("openid fhirUser patient/*.rs");
    real.remove("code_challenge");
    real.remove("code_challenge_method");
    assertThat(withoutPkce.browser.login("patient1", "patient-demo-password").statusCode()).isEqualTo(302);
    assertThat(Browser.query(Browser.location(withoutPkce.authorize(real))))
        .isEqualTo(Browser.query(Browser.location(refused)));
  }

  @Test
  void skipLoginAndConsentWhenDemoClinicianLaunchThenCodeWithoutLoginOrConsentPage() {
    SmartFlow flow = sampleApp();
    Map<String, String> request = flow.request(SCOPE);
    request.put(
        "launch",
        launch(",\"user\":\"" + CLINICIAN + "\",\"skip_login\":true,\"skip_consent\":true"));

    HttpResponse<String> toApp = flow.authorize(request);

    assertThat(Browser.location(toApp)).startsWith(SAMPLE_APP_REDIRECT + "?code=");
    Map<String, Object> token = SmartFlow.json(flow.exchange(code(toApp)));
    assertThat(token).containsEntry("patient", "demo-pat-1");
    assertThat(((String) token.get("scope")).split(" "))
        .containsExactlyInAnyOrder(SCOPE.split(" "));
    assertThat(SmartFlow.claims((String) token.get("access_token")))
        .containsEntry("sub", "clinician")
        .containsEntry("fhirUser", CLINICIAN);
  }

  @Test
  void skipLoginWhenConsentNotSkippedThenSignedInAndConsentPageShown() {
    SmartFlow flow = sampleApp();
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launch(",\"user\":\"patient1\",\"skip_login\":true"));

    HttpResponse<String> toConsent = flow.authorize(request);

    assertThat(Browser.location(toConsent)).contains("/oauth2/consent");
    HttpResponse<String> toApp = flow.consent(Browser.location(toConsent), List.of("openid", "launch"), false);
    assertThat(SmartFlow.json(flow.exchange(code(toApp))))
        .containsEntry("scope", "openid launch")
        .containsEntry("patient", "demo-pat-1");
  }

  @Test
  void skipConsentWhenLoginNotSkippedThenLoginPageFirst() {
    SmartFlow flow = sampleApp();
    Map<String, String> request = flow.request(SCOPE);
    request.put("launch", launch(",\"user\":\"" + CLINICIAN + "\",\"skip_consent\":true"));

    HttpResponse<String> toLogin = flow.authorize(request);

    assertThat(Browser.location(toLogin)).endsWith("/login");
    assertThat(flow.browser.login("clinician", "clinician-demo-password").statusCode()).isEqualTo(302);
    assertThat(Browser.location(flow.authorize(request))).startsWith(SAMPLE_APP_REDIRECT + "?code=");
  }

  @Test
  void skipLoginWhenLaunchIdUsedAgainThenNobodySignedInAndRefused() {
    String launch = launch(",\"user\":\"" + CLINICIAN + "\",\"skip_login\":true,\"skip_consent\":true");
    SmartFlow first = sampleApp();
    Map<String, String> firstRequest = first.request(SCOPE);
    firstRequest.put("launch", launch);
    assertThat(Browser.location(first.authorize(firstRequest))).contains("code=");

    SmartFlow second = sampleApp();
    Map<String, String> secondRequest = second.request(SCOPE);
    secondRequest.put("launch", launch);
    HttpResponse<String> refused = second.authorize(secondRequest);

    assertThat(Browser.query(Browser.location(refused)))
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", "launch has already been used");
    assertThat(Browser.location(second.browser.get("/account/approvals"))).endsWith("/login");
  }

  @Test
  void skipLoginWhenAnotherClientPresentsTheLaunchThenNobodySignedInAndRefused() {
    String launch = launch(",\"user\":\"" + CLINICIAN + "\",\"skip_login\":true,\"skip_consent\":true");
    SmartFlow other = new SmartFlow(new Browser(port), clients.findByClientId("native-app"));
    Map<String, String> request = other.request(SCOPE);
    request.put("launch", launch);

    HttpResponse<String> refused = other.authorize(request);

    assertThat(Browser.query(Browser.location(refused)))
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", "launch was registered for another client");
    assertThat(Browser.location(other.browser.get("/account/approvals"))).endsWith("/login");
  }

  @Test
  void shortcutsWhenUserIsAdminOrMissingThen400InvalidRequest() {
    for (String user : new String[] {",\"user\":\"admin\"", ",\"user\":\"Practitioner/admin\"", ""}) {
      for (String option : List.of("skip_login", "skip_consent")) {
        HttpResponse<String> response =
            register("{\"client_id\":\"sample-app\"" + user + ",\"" + option + "\":true}");

        assertThat(response.statusCode()).as(user + option).isEqualTo(400);
        assertThat(response.body())
            .isEqualTo(
                "{\"error\":\"invalid_request\",\"error_description\":\"" + option
                    + " needs user to be one of the demo users [clinician, patient1, patient2]\"}");
      }
    }
  }

  @Test
  void shortcutUserWhenAdminIsListedThenStillNever() {
    DemoLaunchRules rules =
        new DemoLaunchRules(
            new DemoLaunchProperties(true, true, List.of("admin", "clinician"), null), users);

    assertThat(rules.shortcutUser("admin")).isEmpty();
    assertThat(rules.shortcutUser("Practitioner/admin")).isEmpty();
    assertThat(rules.shortcutUser(CLINICIAN)).hasValueSatisfying(u -> assertThat(u.getUsername()).isEqualTo("clinician"));
  }

  @Test
  void simulatedErrorWhenUnknownThen400InvalidRequest() {
    HttpResponse<String> response =
        register("{\"client_id\":\"sample-app\",\"simulated_error\":\"request_expired_token\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\"invalid_request\",\"error_description\":\"simulated_error must be one of"
                + " expired_token, invalid_scope, missing_pkce\"}");
  }

  private SmartFlow sampleApp() {
    return new SmartFlow(new Browser(port), clients.findByClientId("sample-app"));
  }

  /** A launch of the sample app for demo-pat-1 by the demo launcher, with these extra members. */
  private String launch(String members) {
    HttpResponse<String> registered =
        register("{\"client_id\":\"sample-app\",\"patient\":\"demo-pat-1\"" + members + "}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    return (String) SmartFlow.json(registered).get("launch");
  }

  private HttpResponse<String> register(String json) {
    Browser browser = new Browser(port);
    return browser.send(
        HttpRequest.newBuilder(URI.create(browser.base() + "/api/launch"))
            .header("Authorization", SmartFlow.basic("smart-launcher", "launcher-demo-secret"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static String code(HttpResponse<String> toApp) {
    String code = Browser.query(Browser.location(toApp)).get("code");
    assertThat(code).as(Browser.location(toApp)).isNotNull();
    return code;
  }
}
