package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.careconnect.smart.fhir.support.AuthServerProcess;
import org.careconnect.smart.fhir.support.AuthorizationCodeFlow;
import org.careconnect.smart.fhir.support.FhirServerProcess;
import org.careconnect.smart.fhir.tls.DemoTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack over https with the demo CA (issue 6): the real auth-server and fhir-server jars, each
 * with its certificate from scripts/demo-tls.sh, the FHIR server fetching the issuer's JWKS and
 * SMART configuration over https trusting the demo CA through its client SSL bundle, a token got
 * over https accepted over https. A client that does not trust the demo CA gets nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsAuthServerIT {

  @TempDir static Path dataDir;

  private DemoTls tls;
  private SSLContext demoCaOnly;
  private AuthServerProcess auth;
  private FhirServerProcess fhir;
  private String issuer;
  private String base;

  @BeforeAll
  void startBothOverHttps() throws Exception {
    tls = DemoTls.generate(dataDir.resolve("tls"), null);
    demoCaOnly = tls.trustingCaOnly();
    int authHttps = DemoTls.freePort();
    int fhirHttp = DemoTls.freePort();
    int fhirHttps = DemoTls.freePort();
    issuer = "https://127.0.0.1:" + authHttps;
    base = "https://localhost:" + fhirHttps + "/fhir/STU3";

    List<String> authArgs = new ArrayList<>(List.of(tls.serviceArguments("auth-server", authHttps)));
    authArgs.addAll(List.of(
        "--careconnect.tls.http-mode=serve",
        "--careconnect.auth.fhir-base-urls=" + base,
        "--careconnect.auth.picker.fhir-base-url=" + base));
    auth = new AuthServerProcess(Files.createDirectories(dataDir.resolve("auth")), DemoTls.freePort(),
        authArgs.toArray(String[]::new)).withIssuer(issuer);

    List<String> fhirArgs = new ArrayList<>(List.of(tls.serviceArguments("fhir-server", fhirHttps)));
    fhirArgs.addAll(List.of(
        "--careconnect.tls.http-mode=serve",
        "--spring.profiles.active=demo",
        "--careconnect.demo.patients=3",
        "--careconnect.fhir.security.issuer=" + issuer,
        "--careconnect.fhir.security.jwks-uri=" + issuer + "/oauth2/jwks",
        "--careconnect.fhir.security.smart-configuration-uri=" + issuer + "/.well-known/smart-configuration",
        "--careconnect.fhir.security.audience=" + base));
    fhir = FhirServerProcess.secured(Files.createDirectories(dataDir.resolve("fhir")), fhirHttp,
        fhirArgs.toArray(String[]::new));
    try {
      auth.start();
      fhir.start();
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  void stop() throws InterruptedException {
    try {
      if (fhir != null) {
        fhir.close();
      }
    } finally {
      if (auth != null) {
        auth.close();
      }
    }
  }

  @Test
  void tokenFromTheHttpsIssuerIsAcceptedByTheFhirServerTrustingTheDemoCa() throws Exception {
    String token = accessToken();

    HttpResponse<String> patient = client(demoCaOnly).send(
        HttpRequest.newBuilder(URI.create(base + "/Patient/demo-pat-1")).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(patient.statusCode()).isEqualTo(200);
    assertThat(patient.body()).contains("\"id\":\"demo-pat-1\"");
    assertThat(patient.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  @Test
  void smartConfigurationIsFetchedFromTheHttpsIssuerAndRepublished() throws Exception {
    HttpResponse<String> configuration = client(demoCaOnly).send(
        HttpRequest.newBuilder(URI.create(base + "/.well-known/smart-configuration")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(configuration.statusCode()).isEqualTo(200);
    assertThat(configuration.body())
        .contains("\"issuer\":\"" + issuer + "\"")
        .contains("\"token_endpoint\":\"" + issuer + "/oauth2/token\"");
  }

  @Test
  void authServerOverHttpsSendsHsts() throws Exception {
    HttpResponse<String> discovery = client(demoCaOnly).send(
        HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(discovery.headers().firstValue("Strict-Transport-Security"))
        .hasValue("max-age=31536000 ; includeSubDomains");
  }

  @Test
  void clientNotTrustingTheDemoCaIsRefusedByTheAuthServer() {
    HttpClient jdkTrustOnly = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    assertThatThrownBy(() -> jdkTrustOnly.send(
            HttpRequest.newBuilder(URI.create(issuer + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("PKIX path building failed");
  }

  @Test
  void verifierNotTrustingTheDemoCaCannotFetchTheKeysSoTheTokenIsNotAccepted() throws Exception {
    String token = accessToken();
    SecurityProperties properties = new SecurityProperties(true, issuer, issuer + "/oauth2/jwks",
        issuer + "/.well-known/smart-configuration", base, Duration.ofSeconds(30), Duration.ofSeconds(60), List.of(), 0);
    TokenVerifier jdkTrustOnly = new TokenVerifier(properties, SSLContext.getDefault());
    TokenVerifier demoCaTrust = new TokenVerifier(properties, demoCaOnly);

    assertThat(demoCaTrust.verify(token).subject()).isNotBlank();
    assertThatThrownBy(() -> jdkTrustOnly.verify(token))
        .isInstanceOf(TokenVerifier.KeysUnavailableException.class)
        .rootCause().hasMessageContaining("unable to find valid certification path");
  }

  private String accessToken() {
    Map<String, Object> response = new AuthorizationCodeFlow(issuer, demoCaOnly)
        .token("patient1", "patient-demo-password", "sample-app", null, "openid fhirUser launch/patient patient/*.read", base);
    return (String) response.get("access_token");
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }
}
