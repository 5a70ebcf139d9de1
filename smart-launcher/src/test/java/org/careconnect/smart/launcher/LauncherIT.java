package org.careconnect.smart.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.launcher.support.Agent;
import org.careconnect.smart.launcher.support.SampleApp;
import org.careconnect.smart.launcher.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher over real HTTP against the real auth-server (demo profile) and a FHIR stub. */
class LauncherIT {

  static final String EHR = "/launch?type=PROVIDER_EHR&user=clinician&patient=demo-pat-1&encounter=demo-enc-1&open=TAB";
  @TempDir static Path dir;
  static Stack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = new Stack(dir);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void ehrLaunchWhenOpenedThenAppUrlCarriesIssAndALaunchTheAuthServerAcceptsWithItsContext() throws Exception {
    HttpResponse<String> launched = new Agent().get(stack.launcher() + EHR);

    assertThat(launched.statusCode()).isEqualTo(302);
    String appUrl = Agent.location(launched);
    assertThat(appUrl).startsWith(stack.fhir.appLaunchUrl() + "?");
    assertThat(Agent.query(appUrl)).containsEntry("iss", stack.fhir.base()).containsKey("launch");

    SampleApp app = new SampleApp(stack.auth.base());
    app.login("clinician", "clinician-demo-password");
    HttpResponse<String> toConsent = app.authorize(appUrl, "openid fhirUser launch patient/*.rs");
    assertThat(Agent.location(toConsent)).contains("/oauth2/consent");
    JsonNode token = app.consentAndExchange(Agent.location(toConsent), List.of("openid", "fhirUser", "launch", "patient/*.rs"));
    assertThat(token.path("patient").asText()).isEqualTo("demo-pat-1");
    assertThat(token.path("encounter").asText()).isEqualTo("demo-enc-1");
    assertThat(token.path("need_patient_banner").asBoolean()).isTrue();
  }

  @Test
  void sharedUrlWhenOpenedTwiceThenEachOpeningRegistersAFreshLaunchOfTheSameChoices() {
    String first = Agent.location(new Agent().get(stack.launcher() + EHR));
    String second = Agent.location(new Agent().get(stack.launcher() + EHR));

    assertThat(Agent.query(first).get("launch")).isNotEqualTo(Agent.query(second).get("launch"));
    assertThat(Agent.query(second)).containsEntry("iss", stack.fhir.base());
  }

  @Test
  void formWhenPostedWithCsrfThenSeeOtherToTheShareableLaunchUrl() {
    Agent agent = new Agent();
    String csrf = Agent.csrf(agent.get(stack.launcher() + "/").body());
    HttpResponse<String> posted =
        agent.post(stack.launcher() + "/launch",
            Map.of("type", "PROVIDER_EHR", "patient", "demo-pat-1", "app", "sample-app", "action", "tab", "_csrf", csrf));

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(Agent.location(posted)).startsWith("/launch?type=PROVIDER_EHR&patient=demo-pat-1&app=sample-app&banner=true&open=TAB");
  }

  @Test
  void formWhenPostedWithoutCsrfThenForbidden() {
    HttpResponse<String> posted =
        new Agent().post(stack.launcher() + "/launch", Map.of("type", "PROVIDER_EHR", "patient", "demo-pat-1", "action", "tab"));

    assertThat(posted.statusCode()).isEqualTo(403);
  }

  @Test
  void ehrFrameWhenOpenedThenBannerShowsThePatientAndTheFrameTheApp() {
    HttpResponse<String> page = new Agent().get(stack.launcher() + "/ehr?type=PROVIDER_EHR&patient=demo-pat-1");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Alice SMITH", "999 000 0018", "id=\"app-frame\"", "launch=", "Share this launch");
  }

  @Test
  void invalidLaunchWhenTheAppAuthorizesThenTheAuthServerRefusesTheUnknownLaunch() throws Exception {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + EHR + "&error=INVALID_LAUNCH"));

    HttpResponse<String> answer = new SampleApp(stack.auth.base()).authorize(appUrl, "openid launch patient/*.rs");

    assertThat(Agent.query(Agent.location(answer)))
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", "launch is not a known EHR launch");
  }

  @Test
  void invalidClientWhenTheAppAuthorizesThenTheAuthServerRefusesALaunchOfAnotherClient() throws Exception {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + EHR + "&error=INVALID_CLIENT"));

    HttpResponse<String> answer = new SampleApp(stack.auth.base()).authorize(appUrl, "openid launch patient/*.rs");

    assertThat(Agent.query(Agent.location(answer)))
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", "launch was registered for another client");
  }

  @Test
  void standaloneLaunchWhenOpenedThenAppGetsIssOnly() {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + "/launch?type=PATIENT_STANDALONE&open=TAB"));

    assertThat(Agent.query(appUrl)).containsOnlyKeys("iss").containsEntry("iss", stack.fhir.base());
  }

  @Test
  void unknownPatientWhenLaunchedThenBadRequestPageNamingIt() {
    HttpResponse<String> page = new Agent().get(stack.launcher() + "/launch?type=PROVIDER_EHR&patient=nobody&open=TAB");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("There is no patient nobody on the FHIR server");
  }

  @Test
  void missingAppWhenLaunchedThenBadRequestPageNamingIt() {
    HttpResponse<String> page = new Agent().get(stack.launcher() + "/launch?type=PROVIDER_EHR&patient=demo-pat-1&app=nope&open=TAB");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("No app &quot;nope&quot; is registered with the launcher");
  }

  @Test
  void badEnumWhenLaunchedThenBadRequestPageNotA500() {
    HttpResponse<String> page = new Agent().get(stack.launcher() + "/launch?type=NOPE");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("A choice in the address is not valid");
  }

  @Test
  void patientSearchWhenByNameThenResultsFromTheFhirServerFetchedWithTheLauncherToken() {
    HttpResponse<String> page = new Agent().get(stack.launcher() + "/?q=smith");

    assertThat(page.body()).contains("Alice SMITH - NHS number 999 000 0018");
    assertThat(stack.fhir.authorizations).isNotEmpty().allMatch(header -> header.startsWith("Bearer ey"));
  }

  @Test
  void backendServiceWhenTokenRequestedThenGrantedScopesAndExpiryShown() {
    Agent agent = new Agent();
    String csrf = Agent.csrf(agent.get(stack.launcher() + "/backend").body());

    HttpResponse<String> page = agent.post(stack.launcher() + "/backend", Map.of("_csrf", csrf));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("system/Encounter.rs system/Patient.rs").containsPattern("\\d+ seconds");
  }

  @Test
  void expiredTokenWhenTheAppExchangesTheCodeThenItsAccessTokenIsAlreadyExpired() throws Exception {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + EHR + "&error=EXPIRED_TOKEN"));
    SampleApp app = new SampleApp(stack.auth.base());
    app.login("clinician", "clinician-demo-password");

    HttpResponse<String> toConsent = app.authorize(appUrl, "openid launch patient/*.rs");
    JsonNode token = app.consentAndExchange(Agent.location(toConsent), List.of("openid", "launch", "patient/*.rs"));

    JsonNode claims = new ObjectMapper().readTree(
        Base64.getUrlDecoder().decode(token.path("access_token").asText().split("\\.")[1]));
    // beyond the FHIR server's 60 s clock skew, so its first call answers 401 invalid_token
    assertThat(claims.path("exp").asLong()).isLessThan(Instant.now().getEpochSecond() - 60);
    assertThat(token.path("expires_in").asLong()).isZero();
    assertThat(token.path("patient").asText()).isEqualTo("demo-pat-1");
  }

  @Test
  void invalidScopeWhenTheAppAuthorizesThenInvalidScopeRedirectWithItsState() throws Exception {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + EHR + "&error=INVALID_SCOPE"));

    HttpResponse<String> answer = new SampleApp(stack.auth.base()).authorize(appUrl, "openid launch patient/*.rs");

    assertThat(Agent.location(answer)).startsWith("http://localhost:9200/index.html?");
    assertThat(Agent.query(Agent.location(answer)))
        .containsEntry("error", "invalid_scope")
        .containsEntry("error_description", "the requested scope is invalid (simulated error of this demo launch)")
        .containsEntry("state", "s-1")
        .doesNotContainKey("code");
  }

  @Test
  void missingPkceWhenTheAppAuthorizesThenRefusedAsWithoutCodeChallenge() throws Exception {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + EHR + "&error=MISSING_PKCE"));

    HttpResponse<String> answer = new SampleApp(stack.auth.base()).authorize(appUrl, "openid launch patient/*.rs");

    assertThat(Agent.query(Agent.location(answer)))
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", "OAuth 2.0 Parameter: code_challenge")
        .containsEntry("error_uri", "https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1")
        .containsEntry("state", "s-1")
        .doesNotContainKey("code");
  }

  @Test
  void skipLoginAndConsentWhenTheAppAuthorizesThenCodeWithoutLoginOrConsent() throws Exception {
    String appUrl = Agent.location(new Agent().get(stack.launcher() + EHR + "&skipLogin=true&skipConsent=true"));
    SampleApp app = new SampleApp(stack.auth.base());

    HttpResponse<String> toApp = app.authorize(appUrl, "openid fhirUser launch patient/*.rs");

    assertThat(Agent.location(toApp)).startsWith("http://localhost:9200/index.html?code=");
    JsonNode token = app.exchange(toApp);
    assertThat(token.path("patient").asText()).isEqualTo("demo-pat-1");
    assertThat(token.path("scope").asText().split(" ")).containsExactlyInAnyOrder("openid", "fhirUser", "launch", "patient/*.rs");
  }

  @Test
  void skipLoginInAPatientPortalLaunchWhenTheAppAuthorizesThenThePatientIsSignedInAndAskedToConsent() throws Exception {
    String appUrl = Agent.location(new Agent().get(
        stack.launcher() + "/launch?type=PATIENT_PORTAL&user=patient1&open=TAB&skipLogin=true"));
    SampleApp app = new SampleApp(stack.auth.base());

    HttpResponse<String> toConsent = app.authorize(appUrl, "openid launch patient/*.rs");

    assertThat(Agent.location(toConsent)).contains("/oauth2/consent");
    JsonNode token = app.consentAndExchange(Agent.location(toConsent), List.of("openid", "launch"));
    assertThat(token.path("patient").asText()).isEqualTo("demo-pat-1");
  }

  @Test
  void formWhenShortcutsTickedThenTheShareableUrlKeepsThem() {
    Agent agent = new Agent();
    String csrf = Agent.csrf(agent.get(stack.launcher() + "/").body());
    HttpResponse<String> posted =
        agent.post(stack.launcher() + "/launch",
            Map.of("type", "PROVIDER_EHR", "patient", "demo-pat-1", "skipLogin", "true", "skipConsent", "true",
                "error", "EXPIRED_TOKEN", "action", "tab", "_csrf", csrf));

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(Agent.location(posted)).contains("&error=EXPIRED_TOKEN&skipLogin=true&skipConsent=true&open=TAB");
  }

  @Test
  void launcherPageWhenOpenedThenEveryNewOptionIsExplained() {
    String page = new Agent().get(stack.launcher() + "/").body();

    assertThat(page)
        .contains("id=\"skipLogin\"", "aria-describedby=\"skipLogin-hint\"", "id=\"skipConsent-hint\"")
        .contains("id=\"error-EXPIRED_TOKEN\"", "id=\"error-hint-INVALID_SCOPE\"", "id=\"error-hint-MISSING_PKCE\"");
  }
}
