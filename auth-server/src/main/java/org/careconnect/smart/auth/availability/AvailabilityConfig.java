package org.careconnect.smart.auth.availability;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The 503 answers while the database is away ({@link DatabaseUnavailableFilter}). */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfig {

  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
    // Before Spring Security's chain (order -100), so it sees what the chain's endpoints throw.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
