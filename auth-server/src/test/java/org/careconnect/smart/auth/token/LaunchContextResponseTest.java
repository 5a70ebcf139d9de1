package org.careconnect.smart.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.launch.LaunchContext;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The launch-context seam: whatever context is on the authorization when the code is exchanged
 * (as the EHR launch API will put it) comes back with the token and every refresh.
 */
@AuthServerIntegrationTest
class LaunchContextResponseTest {

  static final String SCOPE = "openid launch/patient online_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired OAuth2AuthorizationService authorizations;

  @Test
  void everyLaunchContextParameterWhenAuthorizationCarriesAFullContext() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    // a patient user: a clinician asking for launch/patient would meet the patient picker first
    String code = flow.code(fixtures.patient("p-1"), SCOPE);
    OAuth2Authorization authorization = authorizations.findByToken(code, new OAuth2TokenType("code"));
    LaunchContext ehrLaunch =
        new LaunchContext(
            "pat-9", "enc-3", true, "https://ehr.example/style.json",
            "[{\"reference\":\"Appointment/apt-1\"}]");
    authorizations.save(
        OAuth2Authorization.from(authorization)
            .attribute(LaunchContext.ATTRIBUTE, ehrLaunch.toAttribute())
            .build());

    Map<String, Object> tokens = SmartFlow.json(flow.exchange(code));
    Map<String, Object> expected =
        Map.of(
            "patient", "pat-9",
            "encounter", "enc-3",
            "need_patient_banner", true,
            "smart_style_url", "https://ehr.example/style.json",
            "fhirContext", List.of(Map.of("reference", "Appointment/apt-1")));
    assertThat(tokens).containsAllEntriesOf(expected).containsKey("refresh_token");
    assertThat(SmartFlow.claims((String) tokens.get("access_token")))
        .containsEntry("patient", "pat-9")
        .containsEntry("encounter", "enc-3");

    Map<String, Object> refreshed = SmartFlow.json(flow.refresh((String) tokens.get("refresh_token")));
    assertThat(refreshed).containsAllEntriesOf(expected);
  }

  @Test
  void refreshTokenWhenOnlineAccessGranted() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    Map<String, Object> tokens = SmartFlow.json(flow.exchange(flow.code(fixtures.patient("p"), SCOPE)));

    assertThat(tokens).containsKey("refresh_token").containsEntry("patient", "p");
  }
}
