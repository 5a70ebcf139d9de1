package org.careconnect.smart.sampleapp.tls;

import org.careconnect.smart.service.tls.StrictTransportSecurityFilter;
import org.careconnect.smart.service.tls.TlsAutoConfiguration;
import org.careconnect.smart.service.tls.TlsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this app adds to the shared https plumbing (service-support, README "https"): HSTS, as it
 * has no Spring Security to write it. The app calls nothing itself, so no outbound trust.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  @Bean
  @ConditionalOnExpression(TlsAutoConfiguration.HTTPS_ON)
  FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurityFilter(TlsProperties properties) {
    return StrictTransportSecurityFilter.registration(properties.hstsMaxAgeSeconds());
  }
}
