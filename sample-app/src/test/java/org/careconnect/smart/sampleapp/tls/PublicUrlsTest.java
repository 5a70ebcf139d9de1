package org.careconnect.smart.sampleapp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One setting moves the stack (README "The stack's URLs"): config.json and the CSP follow. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "CARECONNECT_AUTH_URL=https://ehr.example.test:9443",
      "CARECONNECT_FHIR_URL=https://ehr.example.test:8443",
      "CARECONNECT_LAUNCHER_URL=https://ehr.example.test:9543",
      "CARECONNECT_APP_URL=https://ehr.example.test:9643"
    })
class PublicUrlsTest {

  @LocalServerPort int port;

  @Test
  void configAndPolicyFollowTheMovedUrls() throws Exception {
    HttpResponse<String> config = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/config.json")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(config.body()).contains("\"fhirBaseUrl\":\"https://ehr.example.test:8443/fhir/STU3\"");
    assertThat(config.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("connect-src 'self' https://ehr.example.test:8443 https://ehr.example.test:9443;")
        .endsWith("frame-ancestors 'self' https://ehr.example.test:9543");
  }
}
