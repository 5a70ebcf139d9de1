package org.careconnect.smart.auth.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.launch.support.FhirStub;
import org.careconnect.smart.auth.launch.support.LaunchIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The picker searches a FHIR server that requires a bearer token ({@link FhirStub} answers 401
 * without one): it presents a token this server issued itself, verifiable with this server's
 * published keys (the decoder over the JWKS), for the FHIR base, with system read/search scopes.
 */
class PickerServiceTokenTest extends LaunchIntegrationTest {

  @Autowired JwtDecoder publishedKeys;
  @Autowired AuthServerProperties properties;

  @Test
  void pickerSearchWhenFhirServerRequiresATokenThenResultsAndTheTokenIsOurOwn() {
    SmartFlow flow = flow(app());
    Map<String, String> request = flow.request("openid fhirUser launch/patient patient/*.rs");
    assertThat(flow.browser.login(fixtures.clinician("token-prac-1"), Fixtures.PASSWORD)
        .statusCode()).isEqualTo(302);
    HttpResponse<String> toPicker = flow.authorize(request);
    String pick = Browser.query(Browser.location(toPicker)).get("pick");

    HttpResponse<String> results = flow.browser.get("/picker?pick=" + pick + "&name=okafor");

    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.body()).contains("1 patient found", "Amira Okafor");
    Jwt token = publishedKeys.decode(FhirStub.shared().lastBearerToken());
    assertThat(token.getClaimAsString("iss")).isEqualTo(properties.issuer());
    assertThat(token.getAudience()).isEqualTo(List.of(FhirStub.shared().baseUrl()));
    assertThat(token.getClaimAsString("scope")).isEqualTo("system/Patient.rs system/Encounter.rs");
    assertThat(token.getClaimAsString("client_id")).isEqualTo("careconnect-auth-server");
    assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isLessThanOrEqualTo(Duration.ofMinutes(5));
  }
}
