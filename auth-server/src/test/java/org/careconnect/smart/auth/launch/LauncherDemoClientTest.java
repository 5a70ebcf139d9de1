package org.careconnect.smart.auth.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.client.ClientAssertions;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's launcher client, as the README tells a newcomer to use it: {@code
 * smart-launcher} registers an EHR launch of the demo {@code sample-app}, and the demo clinician's
 * authorization ends with the launch context in the token response.
 */
@SpringBootTest(
    classes = AuthServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:launch-demo;MODE=MySQL;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "demo"})
class LauncherDemoClientTest {

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository clients;

  @Test
  void demoLauncherWhenItRegistersALaunchForTheSampleAppThenTheDemoClinicianGetsItsContext() {
    Browser browser = new Browser(port);
    HttpResponse<String> registered =
        browser.send(
            HttpRequest.newBuilder(URI.create(browser.base() + "/api/launch"))
                .header("Authorization", SmartFlow.basic("smart-launcher", "launcher-demo-secret"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"client_id\":\"sample-app\",\"patient\":\"demo-pat-1\","
                            + "\"user\":\"Practitioner/demo-prac-1-1\",\"need_patient_banner\":true}"))
                .build());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

    SmartFlow flow = new SmartFlow(browser, clients.findByClientId("sample-app"));
    Map<String, String> request = flow.request("openid fhirUser launch patient/*.rs");
    request.put("launch", (String) SmartFlow.json(registered).get("launch"));
    assertThat(browser.login("clinician", "clinician-demo-password").statusCode()).isEqualTo(302);
    HttpResponse<String> toApp =
        flow.consent(
            Browser.location(flow.authorize(request)),
            List.of("openid", "fhirUser", "launch", "patient/*.rs"),
            false);

    String code = Browser.query(Browser.location(toApp)).get("code");
    assertThat(SmartFlow.json(flow.exchange(code)))
        .containsEntry("patient", "demo-pat-1")
        .containsEntry("need_patient_banner", true);
  }

  @Test
  void demoLauncherWhenCreatedThenAllowedTheLaunchApiScopeAndPatientAndEncounterSearchOnly() {
    assertThat(clients.findByClientId("smart-launcher").getScopes())
        .containsExactlyInAnyOrder("careconnect/launch", "system/Patient.rs", "system/Encounter.rs");
  }

  @Test
  void demoLauncherTokenWhenSignedWithThePublishedLauncherKeyThenPatientAndEncounterSearchGranted()
      throws Exception {
    HttpResponse<String> response =
        new Browser(port)
            .post(
                "/oauth2/token",
                ClientAssertions.tokenRequest(launcherAssertion(), "system/Patient.rs system/Encounter.rs"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(SmartFlow.json(response)).containsEntry("scope", "system/Encounter.rs system/Patient.rs");
  }

  @Test
  void demoLauncherTokenWhenAskingForObservationsThenInvalidScope() throws Exception {
    HttpResponse<String> response =
        new Browser(port)
            .post("/oauth2/token", ClientAssertions.tokenRequest(launcherAssertion(), "system/Observation.rs"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response)).containsEntry("error", "invalid_scope");
  }

  @Test
  void demoLauncherTokenWhenAskingForSystemScopesWithItsSecretThenRefused() {
    HttpResponse<String> response =
        new Browser(port)
            .post(
                "/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "system/Patient.rs"),
                "Authorization",
                SmartFlow.basic("smart-launcher", "launcher-demo-secret"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response)).containsEntry("error", "unauthorized_client");
  }

  /**
   * A client assertion signed with the launcher's published demo key, read from the launcher
   * module (the file the launcher itself loads), its public half from this server's demo JWKS.
   */
  private static String launcherAssertion() throws Exception {
    String pem =
        Files.readString(
            Path.of("../smart-launcher/src/main/resources/demo/smart-launcher.DEMO-ONLY.private-key.pem"));
    String base64 =
        pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"))
            .replaceAll("\\s", "");
    RSAPrivateKey privateKey =
        (RSAPrivateKey)
            KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    RSAKey publicJwk;
    try (InputStream in =
        LauncherDemoClientTest.class.getClassLoader().getResourceAsStream("demo/smart-launcher.jwks.json")) {
      publicJwk = (RSAKey) JWKSet.load(in).getKeys().get(0);
    }
    RSAKey key =
        new RSAKey.Builder(publicJwk.toRSAPublicKey()).privateKey(privateKey).keyID(publicJwk.getKeyID()).build();
    return ClientAssertions.sign(
        key,
        JWSAlgorithm.RS384,
        ClientAssertions.claims("smart-launcher", "http://localhost:9000/oauth2/token").build());
  }
}
