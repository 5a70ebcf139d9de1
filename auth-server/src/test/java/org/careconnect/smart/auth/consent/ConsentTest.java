package org.careconnect.smart.auth.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.careconnect.smart.scope.ScopeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** The consent page: granted = requested ∩ client-allowed ∩ user-approved. */
@AuthServerIntegrationTest
class ConsentTest {

  static final String SCOPE = "openid launch/patient offline_access patient/Observation.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  SmartFlow flow;
  String patient;

  @BeforeEach
  void loggedIn() {
    flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    patient = fixtures.patient("pat-c");
    assertThat(flow.browser.login(patient, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
  }

  @Test
  void eachScopeInPlainWordsWithATickedCheckboxWhenConsentPageShown() {
    HttpResponse<String> page = flow.browser.get(Browser.location(flow.authorize(flow.request(SCOPE))));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue("frame-ancestors http://localhost:9100");
    assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    for (String scope : List.of("launch/patient", "offline_access", "patient/Observation.rs")) {
      assertThat(page.body())
          .contains("name=\"scope\"")
          .contains("value=\"" + scope + "\" checked")
          .contains(HtmlUtils.htmlEscape(ScopeParser.parse(scope).describe()));
    }
    assertThat(page.body()).doesNotContain("value=\"openid\"").contains("name=\"remember\"");
  }

  @Test
  void onlyClientAllowedScopesOfferedWhenAppAsksForMore() {
    HttpResponse<String> page =
        flow.browser.get(
            Browser.location(flow.authorize(flow.request("openid patient/Observation.rs user/*.cruds"))));

    assertThat(page.body()).contains("value=\"patient/Observation.rs\"").doesNotContain("user/*.cruds");
  }

  @Test
  void narrowerTokenWhenUserClearsAScope() {
    HttpResponse<String> answer =
        flow.consent(
            Browser.location(flow.authorize(flow.request(SCOPE))),
            List.of("patient/Observation.rs"),
            false);
    Map<String, Object> tokens =
        SmartFlow.json(flow.exchange(Browser.query(Browser.location(answer)).get("code")));

    assertThat(((String) tokens.get("scope")).split(" "))
        .containsExactlyInAnyOrder("openid", "patient/Observation.rs");
    assertThat(tokens).doesNotContainKeys("refresh_token", "patient");
  }

  @Test
  void accessDeniedRedirectWhenUserDenies() {
    HttpResponse<String> page = flow.browser.get(Browser.location(flow.authorize(flow.request(SCOPE))));
    HttpResponse<String> answer =
        flow.browser.post("/oauth2/authorize", Browser.consentFields(page.body()));

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(Browser.location(answer)).startsWith(Fixtures.REDIRECT + "?");
    assertThat(Browser.query(Browser.location(answer)))
        .containsExactly(
            entry("error", "access_denied"),
            entry("error_description", "OAuth 2.0 Parameter: client_id"),
            entry("error_uri", "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1"),
            entry("state", "state-123"));
  }

  @Test
  void askedAgainWhenDecisionNotRemembered() {
    flow.consent(Browser.location(flow.authorize(flow.request(SCOPE))), List.of(SCOPE.split(" ")), false);

    HttpResponse<String> again = flow.authorize(flow.request(SCOPE));
    assertThat(Browser.location(again)).contains("/oauth2/consent?");
  }

  @Test
  void codeWithoutConsentPageWhenDecisionRemembered() {
    flow.consent(Browser.location(flow.authorize(flow.request(SCOPE))), List.of(SCOPE.split(" ")), true);

    HttpResponse<String> again = flow.authorize(flow.request(SCOPE));
    assertThat(Browser.location(again)).startsWith(Fixtures.REDIRECT + "?code=");
  }

  @Test
  void askedAgainWhenRememberedDecisionDoesNotCoverTheRequest() {
    flow.consent(
        Browser.location(flow.authorize(flow.request(SCOPE))), List.of("patient/Observation.rs"), true);

    HttpResponse<String> again = flow.authorize(flow.request(SCOPE));
    assertThat(Browser.location(again)).contains("/oauth2/consent?");
  }
}
