package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One setting moves the stack (README "The stack's URLs"): with only CARECONNECT_AUTH_URL,
 * CARECONNECT_FHIR_URL, CARECONNECT_LAUNCHER_URL and CARECONNECT_APP_URL set, the server accepts
 * tokens of the moved issuer for the moved FHIR base and no others, republishes the moved
 * issuer's SMART configuration, names its endpoints in the CapabilityStatement and lets the moved
 * app origin through CORS. (The JWKS is the test's own: ehr.example.test does not resolve.)
 */
@SpringBootTest(
    classes = FhirServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:fhir-moved;MODE=MySQL;DB_CLOSE_DELAY=-1",
      "careconnect.fhir.security.enabled=true",
      "CARECONNECT_AUTH_URL=https://ehr.example.test:9443",
      "CARECONNECT_FHIR_URL=https://ehr.example.test:8443",
      "CARECONNECT_LAUNCHER_URL=https://ehr.example.test:9543",
      "CARECONNECT_APP_URL=https://ehr.example.test:9643"
    })
@ActiveProfiles("test")
class PublicUrlsTest {

  private static final String ISSUER = "https://ehr.example.test:9443";
  private static final String BASE = "https://ehr.example.test:8443/fhir/STU3";

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("careconnect.fhir.security.jwks-uri", () -> TestTokens.shared().jwksUri());
  }

  @LocalServerPort int port;
  @Autowired SecurityProperties properties;
  private final HttpClient http = HttpClient.newHttpClient();
  private final TestTokens tokens = TestTokens.shared();

  @Test
  void settingsFollowTheMovedUrls() {
    assertThat(properties.issuer()).isEqualTo(ISSUER);
    assertThat(properties.audience()).isEqualTo(BASE);
    assertThat(properties.smartConfigurationUri()).isEqualTo(ISSUER + "/.well-known/smart-configuration");
    assertThat(properties.allowedOrigins()).containsExactly("https://ehr.example.test:9643", "https://ehr.example.test:9543");
  }

  @Test
  void tokenOfTheMovedIssuerForTheMovedBaseIsAccepted() throws Exception {
    String token = tokens.sign(TestTokens.claims("system/*.rs").issuer(ISSUER).audience(BASE).build());

    assertThat(get("/Patient?_count=1", token).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenOfTheOldIssuerIs401() throws Exception {
    String token = tokens.sign(TestTokens.claims("system/*.rs").issuer("http://localhost:9000").audience(BASE).build());

    assertInvalidToken(get("/Patient?_count=1", token), "iss");
  }

  @Test
  void tokenForTheOldFhirBaseIs401() throws Exception {
    String token = tokens.sign(TestTokens.claims("system/*.rs").issuer(ISSUER).audience("http://localhost:8080/fhir/STU3").build());

    assertInvalidToken(get("/Patient?_count=1", token), "aud claim rejected");
  }

  @Test
  void capabilityStatementNamesTheMovedIssuersEndpoints() throws Exception {
    HttpResponse<String> metadata = get("/metadata", null);

    assertThat(metadata.body())
        .contains("\"valueUri\":\"" + ISSUER + "/oauth2/token\"")
        .contains("\"valueUri\":\"" + ISSUER + "/oauth2/authorize\"");
  }

  @Test
  void corsLetsTheMovedAppOriginThroughAndNotTheOldOne() throws Exception {
    HttpResponse<String> moved = preflight("https://ehr.example.test:9643");
    HttpResponse<String> old = preflight("http://localhost:9200");

    assertThat(moved.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ehr.example.test:9643");
    assertThat(old.statusCode()).isEqualTo(403);
    assertThat(old.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static void assertInvalidToken(HttpResponse<String> response, String described) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"careconnect-fhir\", error=\"invalid_token\", error_description=\"")
        .contains(described);
    assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/STU3" + path))
        .header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/STU3/Patient"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
