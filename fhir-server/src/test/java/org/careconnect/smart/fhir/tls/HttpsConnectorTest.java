package org.careconnect.smart.fhir.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The FHIR server with its demo certificate on an https port beside http, in redirect mode:
 * https answers with a chain to the demo CA (and only to it), HSTS on https answers (HAPI's
 * servlet included) and never on http, plain http redirected with path and query kept, the
 * health probe served on http.
 */
@SpringBootTest(
    classes = FhirServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"careconnect.fhir.security.enabled=false", "careconnect.tls.http-mode=redirect"})
@ActiveProfiles("test")
class HttpsConnectorTest {

  private static DemoTls tls;
  private static int httpsPort;

  @LocalServerPort int httpPort;

  @DynamicPropertySource
  static void httpsWithTheDemoCertificate(DynamicPropertyRegistry registry) throws Exception {
    // under the build folder, which `mvn clean` empties: the cached Spring context may outlive this class
    tls = DemoTls.generate(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "fhir-tls"), null);
    httpsPort = DemoTls.freePort();
    for (String argument : tls.serviceArguments("fhir-server", httpsPort)) {
      String[] pair = argument.substring(2).split("=", 2);
      registry.add(pair[0], () -> pair[1]);
    }
  }

  private HttpClient trustingDemoCa() throws Exception {
    return HttpClient.newBuilder().sslContext(tls.trustingCaOnly()).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private String https(String path) {
    return "https://localhost:" + httpsPort + path;
  }

  private String http(String path) {
    return "http://localhost:" + httpPort + path;
  }

  @Test
  void httpsAnswersWithACertificateChainingToTheDemoCaAndHsts() throws Exception {
    HttpResponse<String> metadata = trustingDemoCa().send(
        HttpRequest.newBuilder(URI.create(https("/fhir/STU3/metadata"))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body()).contains("\"resourceType\":\"CapabilityStatement\"");
    assertThat(metadata.headers().firstValue("Strict-Transport-Security"))
        .hasValue("max-age=31536000 ; includeSubDomains");
    X509Certificate presented = (X509Certificate) metadata.sslSession().orElseThrow().getPeerCertificates()[0];
    presented.verify(tls.ca().getPublicKey());
    assertThat(presented.getSubjectX500Principal().getName()).contains("CN=fhir-server");
  }

  @Test
  void httpsErrorsCarryHstsToo() throws Exception {
    HttpResponse<String> unknown = trustingDemoCa().send(
        HttpRequest.newBuilder(URI.create(https("/fhir/STU3/Patient/no-such-patient"))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  @Test
  void httpsIsRefusedByAClientThatDoesNotTrustTheDemoCa() {
    assertThatThrownBy(() -> plain.send(
            HttpRequest.newBuilder(URI.create(https("/fhir/STU3/metadata"))).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("PKIX path building failed");
  }

  @Test
  void httpGetIsRedirectedWithPathAndQueryAnd301WithoutHsts() throws Exception {
    HttpResponse<String> redirect = plain.send(
        HttpRequest.newBuilder(URI.create(http("/fhir/STU3/Patient?name=a%20b&identifier=x%7Cy"))).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(redirect.headers().firstValue("Location"))
        .hasValue(https("/fhir/STU3/Patient?name=a%20b&identifier=x%7Cy"));
    assertThat(redirect.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(redirect.body()).isEmpty();
  }

  @Test
  void httpPostIsRedirectedWith308SoMethodAndBodyAreKept() throws Exception {
    HttpResponse<String> redirect = plain.send(
        HttpRequest.newBuilder(URI.create(http("/fhir/STU3/Patient")))
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(redirect.statusCode()).isEqualTo(308);
    assertThat(redirect.headers().firstValue("Location")).hasValue(https("/fhir/STU3/Patient"));
  }

  @Test
  void healthProbesAreServedOnHttpNotRedirected() throws Exception {
    HttpResponse<String> readiness = plain.send(
        HttpRequest.newBuilder(URI.create(http("/actuator/health/readiness"))).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    assertThat(readiness.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

}
