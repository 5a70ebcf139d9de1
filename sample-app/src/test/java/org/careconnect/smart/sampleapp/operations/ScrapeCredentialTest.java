package org.careconnect.smart.sampleapp.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** METRICS_SCRAPE_USERNAME / METRICS_SCRAPE_PASSWORD set: that scraper, and only it, gets the metrics. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.prometheus.metrics.export.enabled=true",
      "METRICS_SCRAPE_USERNAME=scraper",
      "METRICS_SCRAPE_PASSWORD=a-long-scrape-password"
    })
class ScrapeCredentialTest {

  @LocalServerPort int port;

  @Test
  void prometheusWhenConfiguredCredentialThenMetricsElse401() throws Exception {
    HttpResponse<String> scraper = get("scraper:a-long-scrape-password");
    HttpResponse<String> defaultUser = get("prometheus:a-long-scrape-password");
    HttpResponse<String> wrongPassword = get("scraper:a-long-scrape-passwor");

    assertThat(scraper.statusCode()).isEqualTo(200);
    assertThat(scraper.body()).contains("application=\"sample-app\"").contains("jvm_memory_used_bytes{");
    assertThat(defaultUser.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.body()).isEqualTo(OperationsDefaultsTest.REFUSAL);
  }

  private HttpResponse<String> get(String userAndPassword) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
            .header("Authorization", OperationsDefaultsTest.basic(userAndPassword)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
