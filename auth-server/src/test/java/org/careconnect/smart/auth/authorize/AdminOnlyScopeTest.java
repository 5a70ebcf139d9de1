package org.careconnect.smart.auth.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.account.UserDirectory.UserChange;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * {@code careconnect/audit} (the FHIR server's audit trail) in a user flow: granted to ADMIN users
 * only, even by a client an admin allowed the scope.
 */
@AuthServerIntegrationTest
class AdminOnlyScopeTest {

  static final String SCOPE = "openid fhirUser user/*.rs careconnect/audit";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;

  @Test
  void adminUserWhenClientIsAllowedTheAuditScopeThenTokenCarriesIt() {
    String admin = "admin-" + UUID.randomUUID();
    users.create(new UserChange(admin, Fixtures.PASSWORD, "CLINICIAN", "Practitioner/admin-1", "Admin", true, true));
    SmartFlow flow = new SmartFlow(new Browser(port), auditClient());

    Map<String, Object> tokens = SmartFlow.json(flow.exchange(flow.code(admin, SCOPE)));

    assertThat(Fixtures.scopes((String) tokens.get("scope"))).isEqualTo(Fixtures.scopes(SCOPE));
    assertThat(accessTokenScopes(tokens)).isEqualTo(Fixtures.scopes(SCOPE));
  }

  @Test
  void clinicianWhenClientIsAllowedTheAuditScopeThenNeitherConsentPageNorTokenHasIt() {
    String clinician = fixtures.clinician("prac-" + UUID.randomUUID());
    SmartFlow flow = new SmartFlow(new Browser(port), auditClient());
    assertThat(flow.browser.login(clinician, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> toConsent = flow.authorize(flow.request(SCOPE));
    HttpResponse<String> consentPage = flow.browser.get(Browser.location(toConsent));

    assertThat(consentPage.statusCode()).isEqualTo(200);
    assertThat(consentPage.body()).contains("value=\"user/*.rs\"").doesNotContain("careconnect/audit");

    String code = Browser.query(Browser.location(
        flow.consent(Browser.location(toConsent), List.of("openid", "fhirUser", "user/*.rs"), false))).get("code");
    Map<String, Object> tokens = SmartFlow.json(flow.exchange(code));

    assertThat(Fixtures.scopes((String) tokens.get("scope"))).isEqualTo(Fixtures.scopes("openid fhirUser user/*.rs"));
    assertThat(accessTokenScopes(tokens)).isEqualTo(Fixtures.scopes("openid fhirUser user/*.rs"));
  }

  /** The access token's scope claim, one string (or, from older servers, a list). */
  private static Set<String> accessTokenScopes(Map<String, Object> tokens) {
    Object scope = SmartFlow.claims((String) tokens.get("access_token")).get("scope");
    return scope instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.toSet())
        : Fixtures.scopes((String) scope);
  }

  private RegisteredClient auditClient() {
    return fixtures.publicClient(List.of(Fixtures.REDIRECT), List.of(SCOPE.split(" ")));
  }
}
