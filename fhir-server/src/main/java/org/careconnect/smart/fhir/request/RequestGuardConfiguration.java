package org.careconnect.smart.fhir.request;

import org.careconnect.smart.fhir.server.FhirServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestGuardConfiguration {

  /** Every FHIR face (/fhir/STU3, the open demo face, /fhir/R4 later) gets the body size limit. */
  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(FhirServerProperties properties) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxRequestSize().toBytes()));
    registration.addUrlPatterns("/fhir/*", "/open/fhir/*");
    registration.setName("fhir-body-size-limit");
    return registration;
  }
}
