package org.careconnect.smart.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** RFC 6749 §4.1.3-4.1.4 and §5 with SMART 2.2's token response. */
@AuthServerIntegrationTest
class TokenEndpointTest {

  static final String SCOPE = "openid fhirUser launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  @Test
  void smartTokenResponseWhenPatientExchangesCode() throws Exception {
    RegisteredClient client = fixtures.publicClient();
    SmartFlow flow = new SmartFlow(new Browser(port), client);
    String code = flow.code(fixtures.patient("pat-42"), SCOPE);
    HttpResponse<String> response = flow.exchange(code);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    Map<String, Object> body = SmartFlow.json(response);
    assertThat(body)
        .containsOnlyKeys(
            "access_token", "refresh_token", "id_token", "token_type", "expires_in", "scope", "patient")
        .containsEntry("token_type", "Bearer")
        .containsEntry("patient", "pat-42");
    // seconds left on the token, counted by the server a moment after issuing it
    assertThat((Integer) body.get("expires_in")).isBetween(3590, 3600);
    assertThat(((String) body.get("scope")).split(" "))
        .containsExactlyInAnyOrder("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs");

    SignedJWT accessToken = SignedJWT.parse((String) body.get("access_token"));
    // decision 0018: access tokens ES256, ID tokens RS256
    assertThat(accessToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    JWKSet jwks = JWKSet.parse(new Browser(port).get("/oauth2/jwks").body());
    ECKey key = (ECKey) jwks.getKeyByKeyId(accessToken.getHeader().getKeyID());
    assertThat(accessToken.verify(new ECDSAVerifier(key))).isTrue();
    SignedJWT signedIdToken = SignedJWT.parse((String) body.get("id_token"));
    assertThat(signedIdToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    RSAKey idTokenKey = (RSAKey) jwks.getKeyByKeyId(signedIdToken.getHeader().getKeyID());
    assertThat(signedIdToken.verify(new RSASSAVerifier(idTokenKey))).isTrue();
    assertThat(accessToken.getJWTClaimsSet().getAudience()).containsExactly(Fixtures.FHIR_BASE);
    assertThat(accessToken.getJWTClaimsSet().getClaim("patient")).isEqualTo("pat-42");
    assertThat(accessToken.getJWTClaimsSet().getClaim("fhirUser")).isEqualTo("Patient/pat-42");
    // RFC 9068 §2.2: the client, which the FHIR server's audit trail records
    assertThat(accessToken.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo(client.getClientId());
    // RFC 9068 §2.2.3: one space-separated string (the FHIR server refuses a JSON array)
    assertThat(accessToken.getJWTClaimsSet().getClaim("scope")).isInstanceOf(String.class);
    assertThat(accessToken.getJWTClaimsSet().getStringClaim("scope").split(" "))
        .containsExactlyInAnyOrder("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs");

    Map<String, Object> idToken = SmartFlow.claims((String) body.get("id_token"));
    assertThat(idToken)
        .containsEntry("fhirUser", "Patient/pat-42")
        .containsEntry("nonce", "nonce-456")
        .containsEntry("aud", flow.client.getClientId());
  }

  @Test
  void expiresInIsANumberOfSecondsWhenLifetimeIsOneHour() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    HttpResponse<String> response =
        flow.exchange(flow.code(fixtures.patient("p"), "openid patient/*.rs"));

    assertThat(SmartFlow.json(response).get("expires_in")).isInstanceOf(Integer.class);
    Map<String, Object> claims = SmartFlow.claims((String) SmartFlow.json(response).get("access_token"));
    long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
    assertThat(lifetime).isEqualTo(3600);
  }

  @Test
  void noRefreshTokenNorPatientWhenNeitherOfflineAccessNorLaunchPatientGranted() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    HttpResponse<String> response = flow.exchange(flow.code(fixtures.patient("p"), "openid patient/*.rs"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SmartFlow.json(response))
        .containsOnlyKeys("access_token", "id_token", "token_type", "expires_in", "scope");
  }

  @Test
  void fhirUserIsPractitionerAndNoPatientWhenClinicianLogsIn() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    // without launch/patient: with it, a clinician picks a patient first (picker/PatientPickerTest)
    Map<String, Object> body =
        SmartFlow.json(flow.exchange(flow.code(fixtures.clinician("gp-7"), "openid fhirUser user/*.rs")));

    assertThat(body).doesNotContainKey("patient");
    assertThat(SmartFlow.claims((String) body.get("id_token"))).containsEntry("fhirUser", "Practitioner/gp-7");
  }

  @Test
  void invalidGrantWhenCodeUsedTwice() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    String code = flow.code(fixtures.patient("p"), SCOPE);
    assertThat(flow.exchange(code).statusCode()).isEqualTo(200);

    HttpResponse<String> again = flow.exchange(code);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(again)).isEqualTo(Map.of("error", "invalid_grant"));
    assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void invalidGrantWhenPkceVerifierIsWrong() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());
    String code = flow.code(fixtures.patient("p"), SCOPE);
    SmartFlow impostor = new SmartFlow(flow.browser, flow.client);

    HttpResponse<String> response = impostor.exchange(code);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.of(
                "error", "invalid_grant",
                "error_description", "Client authentication failed: code_verifier"));
  }

  @Test
  void tokensWhenConfidentialClientUsesClientSecretBasic() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.confidentialClient("s3cret"));
    flow.clientSecret = "s3cret";
    HttpResponse<String> response = flow.exchange(flow.code(fixtures.patient("p"), SCOPE));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SmartFlow.json(response)).containsKeys("access_token", "refresh_token", "id_token");
  }

  @Test
  void tokensWhenConfidentialClientUsesClientSecretPost() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.confidentialClient("s3cret"));
    String code = flow.code(fixtures.patient("p"), SCOPE);
    HttpResponse<String> response =
        flow.browser.post(
            "/oauth2/token",
            Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", Fixtures.REDIRECT,
                "code_verifier", flow.verifier,
                "client_id", flow.client.getClientId(),
                "client_secret", "s3cret"));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void invalidClientWhenConfidentialSecretIsWrong() {
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.confidentialClient("s3cret"));
    flow.clientSecret = "wrong";
    HttpResponse<String> response = flow.exchange(flow.code(fixtures.patient("p"), SCOPE));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(SmartFlow.invalidClient("client_secret"));
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
  }

  @Test
  void corsHeadersWhenAllowedOriginCallsTokenEndpoint() {
    Browser app = new Browser(port);
    HttpResponse<String> preflight = app.preflight("/oauth2/token", "http://localhost:9200");
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");

    HttpResponse<String> error =
        app.post("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", "x"),
            "Origin", "http://localhost:9200");
    assertThat(error.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");
  }

  @Test
  void forbiddenWhenOtherOriginPreflightsTokenEndpoint() {
    Browser app = new Browser(port);
    HttpResponse<String> preflight = app.preflight("/oauth2/token", "https://evil.example");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
