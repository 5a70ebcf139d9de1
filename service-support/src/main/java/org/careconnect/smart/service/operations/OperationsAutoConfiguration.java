package org.careconnect.smart.service.operations;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The request id filter (first of all) and the guard of the metrics endpoint, the same in every
 * service (README "Operations"). Service-specific metrics and the forwarding of the id on a
 * service's own outbound calls stay in the service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsAutoConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setName("request-id");
    // before everything else, so that every later filter's log lines carry the id
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** After the https redirect (TlsAutoConfiguration): the credential is only asked for over https. */
  @Bean
  FilterRegistrationBean<ScrapeAccessFilter> scrapeAccessFilter(OperationsProperties properties) {
    FilterRegistrationBean<ScrapeAccessFilter> registration =
        new FilterRegistrationBean<>(new ScrapeAccessFilter(properties.metrics()));
    registration.setName("metrics-scrape-access");
    registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
