package org.careconnect.smart.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OperationsAutoConfigurationTest {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(OperationsAutoConfiguration.class));

  @Test
  void theRequestIdFilterRunsFirstAndTheScrapeGuardCoversOnlyThePrometheusEndpoint() {
    runner.run(context -> {
      FilterRegistrationBean<?> requestId = context.getBean("requestIdFilter", FilterRegistrationBean.class);
      FilterRegistrationBean<?> scrape = context.getBean("scrapeAccessFilter", FilterRegistrationBean.class);
      assertThat(requestId.getOrder()).isEqualTo(Integer.MIN_VALUE);
      assertThat(requestId.getUrlPatterns()).isEmpty();
      assertThat(scrape.getOrder()).isGreaterThan(requestId.getOrder());
      assertThat(scrape.getUrlPatterns()).containsExactlyInAnyOrder("/actuator/prometheus", "/actuator/prometheus/*");
    });
  }

  @Test
  void withoutAPasswordNobodyMayScrapeNotEvenWithTheUsernameAlone() {
    runner.withPropertyValues("careconnect.operations.metrics.username=prometheus").run(context -> {
      MockHttpServletResponse response = scrape(context.getBean("scrapeAccessFilter", FilterRegistrationBean.class), "prometheus:");

      assertThat(response.getStatus()).isEqualTo(401);
      assertThat(response.getContentAsString()).isEqualTo(
          "{\"error\":\"unauthorized\",\"error_description\":\"The metrics need the scrape credential\"}");
      assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"metrics\"");
    });
  }

  @Test
  void theScrapeCredentialIsAskedForAndOnlyTheRightOnePasses() {
    runner.withPropertyValues("careconnect.operations.metrics.username=prometheus",
            "careconnect.operations.metrics.password=s3cret")
        .run(context -> {
          FilterRegistrationBean<?> guard = context.getBean("scrapeAccessFilter", FilterRegistrationBean.class);

          assertThat(scrape(guard, "prometheus:wrong").getStatus()).isEqualTo(401);
          assertThat(scrape(guard, "prometheus:s3cret").getStatus()).isEqualTo(200);
        });
  }

  private static MockHttpServletResponse scrape(FilterRegistrationBean<?> guard, String credential) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
    request.addHeader("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.getFilter().doFilter(request, response, new MockFilterChain());
    return response;
  }
}
