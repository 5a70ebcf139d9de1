package org.careconnect.smart.fhir.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean
  AuditEventTable auditEventTable(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    return new AuditEventTable(jdbc, new TransactionTemplate(transactionManager));
  }

  @Bean
  AuditTrail auditTrail(AuditEventTable table, AuditProperties properties, MeterRegistry meters) {
    return new AuditTrail(table, properties, meters);
  }

  /**
   * Every secured FHIR face (/fhir/STU3 now, /fhir/R4 later); the open demo face at /open/fhir is
   * outside this pattern on purpose (docs/security.md, "Open face"). First in the chain, so it
   * sees the final status of requests that other filters refuse.
   */
  @Bean
  FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail trail, Clock storeClock) {
    FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(trail, storeClock));
    registration.addUrlPatterns("/fhir/*");
    registration.setName("fhir-audit");
    // after the request id filter (operations), so the record carries the accepted request id
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
