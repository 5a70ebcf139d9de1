package org.careconnect.smart.service.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code careconnect.operations.*}: who may scrape the metrics (README "Operations"). */
@ConfigurationProperties("careconnect.operations")
record OperationsProperties(Metrics metrics) {

  OperationsProperties {
    metrics = metrics == null ? new Metrics(null, null) : metrics;
  }

  /** The HTTP Basic credential of the Prometheus scraper; no password: nobody may scrape. */
  record Metrics(String username, String password) {

    boolean scrapeEnabled() {
      return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
  }
}
