package org.careconnect.smart.launcher.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.careconnect.smart.launcher.fhir.Http;
import org.careconnect.smart.launcher.fhir.UpstreamException;
import org.careconnect.smart.service.tls.DemoCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The launcher with its demo certificate, http in redirect mode: Spring Security's HSTS on https
 * only, http redirected (path and query kept, 308 for a POST), the health probe served on http;
 * its outbound client trusts the demo CA through the client bundle, and a client with the JDK's
 * CAs only is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"careconnect.tls.http-mode=redirect", "careconnect.tls.client-bundle=client"})
class HttpsTest {

  private static DemoCertificates tls;

  @DynamicPropertySource
  static void https(DynamicPropertyRegistry registry) throws Exception {
    tls = DemoCertificates.register("smart-launcher", registry);
  }

  @LocalServerPort int httpPort;
  @Autowired Http http;
  private final HttpClient plain = HttpClient.newHttpClient();

  private String https(String path) {
    return "https://localhost:" + tls.httpsPort + path;
  }

  @Test
  void httpsAnswersWithHsts() throws Exception {
    HttpClient trusting = HttpClient.newBuilder().sslContext(tls.trustingCaOnly()).build();

    HttpResponse<String> page = trusting.send(HttpRequest.newBuilder(URI.create(https("/"))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void outboundClientTrustsTheDemoCaThroughTheClientBundle() {
    Http.Answer answer = http.send(HttpRequest.newBuilder(URI.create(https("/actuator/health/liveness"))), "launcher");

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void outboundClientWithTheJdkCasOnlyIsRefused() throws Exception {
    Http jdkOnly = new Http(Duration.ofSeconds(5), SSLContext.getDefault());

    assertThatThrownBy(() -> jdkOnly.send(HttpRequest.newBuilder(URI.create(https("/actuator/health/liveness"))), "launcher"))
        .isInstanceOf(UpstreamException.class)
        .hasMessage("The launcher cannot be reached (SSLHandshakeException). Is it running?");
  }

  @Test
  void httpIsRedirectedWithPathAndQueryAndNoHsts() throws Exception {
    HttpResponse<String> get = plain.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/?patient=demo-pat-1&x=a%20b")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> post = plain.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/launch"))
            .POST(HttpRequest.BodyPublishers.ofString("app=sample-app")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(301);
    assertThat(get.headers().firstValue("Location")).hasValue(https("/?patient=demo-pat-1&x=a%20b"));
    assertThat(get.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(post.statusCode()).isEqualTo(308);
    assertThat(post.headers().firstValue("Location")).hasValue(https("/launch"));
  }

  @Test
  void healthProbeIsServedOnHttp() throws Exception {
    HttpResponse<String> readiness = plain.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(readiness.statusCode()).isEqualTo(200);
  }
}
