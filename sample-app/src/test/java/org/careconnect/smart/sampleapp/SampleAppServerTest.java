package org.careconnect.smart.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server with its defaults: pages, bundled libraries, config.json, headers, probes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleAppServerTest {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self' http://localhost:8080 http://localhost:9000; form-action 'self'; "
          + "base-uri 'none'; frame-ancestors 'self' http://localhost:9100";
  private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
  private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(?:src|href|action)=\"([^\"]*)\"");

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void pagesWhenRequestedThenServedWithStrictCsp() throws Exception {
    for (String page : List.of("/launch.html", "/index.html")) {
      HttpResponse<String> response = get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void pagesWhenScriptsReferencedThenEachIsServedFromThisServer() throws Exception {
    assertThat(scripts("/launch.html")).containsExactly("vendor/fhir-client.min.js", "js/launch.js");
    assertThat(scripts("/index.html"))
        .containsExactly("vendor/fhir-client.min.js", "vendor/chart.umd.min.js", "js/app.js");
    HttpResponse<String> fhirClient = get("/vendor/fhir-client.min.js");
    assertThat(fhirClient.statusCode()).isEqualTo(200);
    assertThat(fhirClient.body()).contains("window.FHIR=");
    HttpResponse<String> chart = get("/vendor/chart.umd.min.js");
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.body()).contains("Chart.js v4.");
    assertThat(get("/js/app.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
  }

  @Test
  void pagesWhenScannedThenNoExternalUrls() throws Exception {
    for (String page : List.of("/launch.html", "/index.html")) {
      Matcher m = URL_ATTRIBUTE.matcher(get(page).body());
      while (m.find()) {
        assertThat(m.group(1)).as("%s: %s", page, m.group(0)).doesNotContain("//").doesNotStartWith("/");
      }
    }
    assertThat(get("/css/app.css").body()).doesNotContain("url(").doesNotContain("@import");
  }

  @Test
  void configWhenDefaultsThenSampleAppClientAndLocalFhirServer() throws Exception {
    HttpResponse<String> response = get("/config.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.body())
        .contains("\"clientId\":\"sample-app\"")
        .contains("\"scope\":\"openid fhirUser launch launch/patient offline_access patient/*.rs\"")
        .contains("\"standaloneScope\":\"openid fhirUser launch/patient offline_access patient/*.rs\"")
        .contains("\"fhirBaseUrl\":\"http://localhost:8080/fhir/STU3\"");
  }

  @Test
  void probesWhenUpThenHealthy() throws Exception {
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
  }

  private List<String> scripts(String page) throws Exception {
    return SCRIPT.matcher(get(page).body()).results().map(r -> r.group(1)).toList();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
