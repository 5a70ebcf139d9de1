package org.careconnect.smart.launcher.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The request id filter (first of all) and the guard of the metrics endpoint. */
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
