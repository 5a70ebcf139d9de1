package org.careconnect.smart.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus scraper with the test credential, reading one series' value from the text format. */
public final class Metrics {

  public static final String USERNAME = "prometheus";
  /** careconnect.operations.metrics.password in application-test.yaml */
  public static final String PASSWORD = "test-scrape-password";

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Browser http;

  public Metrics(int port) {
    this.http = new Browser(port);
  }

  public HttpResponse<String> scrape(String authorization) {
    return authorization == null
        ? http.get("/actuator/prometheus")
        : http.get("/actuator/prometheus", "Authorization", authorization);
  }

  /** The sum of the samples of {@code name} whose labels include {@code labels} (0 when none). */
  public double value(String name, String... labels) {
    HttpResponse<String> response = scrape(SmartFlow.basic(USERNAME, PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, String> wanted = new HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    double sum = 0;
    for (String line : response.body().split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> present = new HashMap<>();
      Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
      while (label.find()) {
        present.put(label.group(1), label.group(2));
      }
      if (present.entrySet().containsAll(wanted.entrySet())) {
        sum += Double.parseDouble(sample.group(3));
      }
    }
    return sum;
  }
}
