package org.careconnect.smart.auth.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.ActiveProfiles;

/**
 * One setting moves the stack (README "The stack's URLs"): with only CARECONNECT_AUTH_URL,
 * CARECONNECT_FHIR_URL, CARECONNECT_LAUNCHER_URL and CARECONNECT_APP_URL set, discovery names the
 * new issuer and endpoints, the accepted aud is the new FHIR base, CORS and framing follow the
 * new origins, and the demo clients get the new redirect URI.
 */
@SpringBootTest(
    classes = AuthServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "CARECONNECT_AUTH_URL=https://ehr.example.test:9443",
      "CARECONNECT_FHIR_URL=https://ehr.example.test:8443",
      "CARECONNECT_LAUNCHER_URL=https://ehr.example.test:9543",
      "CARECONNECT_APP_URL=https://ehr.example.test:9643",
      // a database of its own: the demo clients are written with the moved redirect URI
      "spring.datasource.url=jdbc:h2:mem:auth-moved;MODE=MySQL;DB_CLOSE_DELAY=-1"
    })
@ActiveProfiles({"test", "demo"})
class PublicUrlsTest {

  private static final String ISSUER = "https://ehr.example.test:9443";

  @LocalServerPort int port;
  @Autowired AuthServerProperties properties;
  @Autowired RegisteredClientRepository clients;

  @Value("${careconnect.auth.picker.fhir-base-url}")
  String pickerBase;

  @Test
  void discoveryNamesTheMovedIssuerAndEndpoints() {
    Map<String, Object> smart = SmartFlow.json(new Browser(port).get("/.well-known/smart-configuration"));
    Map<String, Object> openid = SmartFlow.json(new Browser(port).get("/.well-known/openid-configuration"));

    assertThat(smart).containsEntry("issuer", ISSUER)
        .containsEntry("authorization_endpoint", ISSUER + "/oauth2/authorize")
        .containsEntry("token_endpoint", ISSUER + "/oauth2/token")
        .containsEntry("jwks_uri", ISSUER + "/oauth2/jwks");
    assertThat(openid).containsEntry("issuer", ISSUER).containsEntry("token_endpoint", ISSUER + "/oauth2/token");
  }

  @Test
  void audienceOriginsAndPickerFollowTheMovedUrls() {
    assertThat(properties.fhirBaseUrls()).containsExactly("https://ehr.example.test:8443/fhir/STU3");
    assertThat(properties.allowedOrigins())
        .containsExactly("https://ehr.example.test:9643", "https://ehr.example.test:9543");
    assertThat(properties.launcherOrigin()).isEqualTo("https://ehr.example.test:9543");
    assertThat(pickerBase).isEqualTo("https://ehr.example.test:8443/fhir/STU3");
  }

  @Test
  void tokenEndpointCorsAllowsTheMovedAppOriginOnly() {
    HttpResponse<String> moved = new Browser(port).preflight("/oauth2/token", "https://ehr.example.test:9643");
    HttpResponse<String> old = new Browser(port).preflight("/oauth2/token", "http://localhost:9200");

    assertThat(moved.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ehr.example.test:9643");
    assertThat(old.statusCode()).isEqualTo(403);
    assertThat(old.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void demoClientsRedirectToTheMovedApp() {
    assertThat(clients.findByClientId("sample-app").getRedirectUris())
        .containsExactly("https://ehr.example.test:9643/index.html");
    assertThat(clients.findByClientId("confidential-app").getRedirectUris())
        .containsExactly("https://ehr.example.test:9643/index.html");
  }
}
