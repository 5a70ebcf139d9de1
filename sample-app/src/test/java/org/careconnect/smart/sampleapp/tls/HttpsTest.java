package org.careconnect.smart.sampleapp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLHandshakeException;
import org.careconnect.smart.service.tls.DemoCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample app with its demo certificate, http in redirect mode: https chains to the demo CA,
 * HSTS only on https, http redirected (path and query kept), the health probe served on http.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "careconnect.tls.http-mode=redirect")
class HttpsTest {

  private static DemoCertificates tls;

  @DynamicPropertySource
  static void https(DynamicPropertyRegistry registry) throws Exception {
    tls = DemoCertificates.register("sample-app", registry);
  }

  @LocalServerPort int httpPort;
  private final HttpClient plain = HttpClient.newHttpClient();

  @Test
  void httpsServesThePagesWithHsts() throws Exception {
    HttpClient trusting = HttpClient.newBuilder().sslContext(tls.trustingCaOnly()).build();

    HttpResponse<String> page = trusting.send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + tls.httpsPort + "/config.json")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void httpsIsRefusedByAClientNotTrustingTheDemoCa() {
    assertThatThrownBy(() -> plain.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + tls.httpsPort + "/config.json")).build(),
            HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void httpIsRedirectedWithPathAndQueryAndNoHsts() throws Exception {
    HttpResponse<String> get = plain.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/launch.html?iss=x%3Ay&launch=abc")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> post = plain.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/index.html?a=1"))
            .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(301);
    assertThat(get.headers().firstValue("Location"))
        .hasValue("https://localhost:" + tls.httpsPort + "/launch.html?iss=x%3Ay&launch=abc");
    assertThat(get.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(post.statusCode()).isEqualTo(308);
    assertThat(post.headers().firstValue("Location")).hasValue("https://localhost:" + tls.httpsPort + "/index.html?a=1");
  }

  @Test
  void healthProbeIsServedOnHttp() throws Exception {
    HttpResponse<String> liveness = plain.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/liveness")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
  }
}
