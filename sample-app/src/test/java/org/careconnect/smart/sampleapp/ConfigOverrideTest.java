package org.careconnect.smart.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The environment variables of application.yaml reach config.json and the CSP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "SAMPLE_APP_CLIENT_ID=other-app",
      "SAMPLE_APP_SCOPE=launch patient/Observation.rs",
      "SAMPLE_APP_STANDALONE_SCOPE=launch/patient patient/Observation.rs",
      "SAMPLE_APP_FHIR_BASE=https://fhir.example.org:8443/fhir/STU3",
      "SAMPLE_APP_AUTH_ORIGINS=https://auth.example.org,https://auth2.example.org",
      "SAMPLE_APP_FRAME_ANCESTORS=https://ehr.example.org"
    })
class ConfigOverrideTest {

  @LocalServerPort int port;

  @Test
  void configWhenEnvironmentSetThenItsValues() throws Exception {
    HttpResponse<String> response = get("/config.json");
    assertThat(response.body())
        .contains("\"clientId\":\"other-app\"")
        .contains("\"scope\":\"launch patient/Observation.rs\"")
        .contains("\"standaloneScope\":\"launch/patient patient/Observation.rs\"")
        .contains("\"fhirBaseUrl\":\"https://fhir.example.org:8443/fhir/STU3\"");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("connect-src 'self' https://fhir.example.org:8443 https://auth.example.org https://auth2.example.org;")
                    .endsWith("frame-ancestors 'self' https://ehr.example.org"));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
