package org.careconnect.smart.auth.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request id filter (first of all), its forwarding on outbound calls, the token endpoint
 * metrics and the guard of the metrics endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsProperties.class)
class OperationsConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setName("request-id");
    // before everything else, so that every later filter's log lines carry the id
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

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

  @Bean
  FilterRegistrationBean<ScrapeAccessFilter> scrapeAccessFilter(OperationsProperties properties) {
    FilterRegistrationBean<ScrapeAccessFilter> registration =
        new FilterRegistrationBean<>(new ScrapeAccessFilter(properties.metrics()));
    registration.setName("metrics-scrape-access");
    registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
