package org.careconnect.smart.auth.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.careconnect.smart.service.operations.RequestIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What this server adds to the shared operations plumbing (service-support: the request id filter
 * and the metrics scrape guard): the request id forwarded on outbound calls, and the token
 * endpoint metrics; and what it leaves out: Spring Security's observations.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  /**
   * Every RestClient built from Boot's builder (the patient picker's FHIR searches) sends the
   * request id of the request being served.
   */
  @Bean
  RestClientCustomizer requestIdForwarding() {
    return builder -> builder.requestInterceptor((request, body, execution) -> {
      RequestIds.current().ifPresent(id -> request.getHeaders().set(RequestIds.HEADER, id));
      return execution.execute(request, body);
    });
  }

  /**
   * No Micrometer observation around each Spring Security filter, authentication and
   * authorization decision (spring_security_* metrics, never documented or scraped here): the
   * wrappers were on the stack of most of a token request's samples and cost measurable CPU
   * (docs/benchmarks.md). Requests are still measured as a whole (http_server_requests_seconds),
   * and tokens and logins by this server's own counters. Spring Boot's own switch brings them
   * back: MANAGEMENT_OBSERVATIONS_ENABLE_SPRING_SECURITY=true.
   */
  @Bean
  @ConditionalOnProperty(
      name = "management.observations.enable.spring.security",
      havingValue = "false",
      matchIfMissing = true)
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  FilterRegistrationBean<TokenEndpointMetrics> tokenEndpointMetrics(MeterRegistry meters) {
    FilterRegistrationBean<TokenEndpointMetrics> registration =
        new FilterRegistrationBean<>(new TokenEndpointMetrics(meters));
    registration.setName("token-endpoint-metrics");
    registration.addUrlPatterns("/oauth2/token");
    // outside Spring Security's chain: client authentication failures are answered inside it
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
