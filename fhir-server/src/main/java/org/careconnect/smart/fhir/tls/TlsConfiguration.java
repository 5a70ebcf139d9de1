package org.careconnect.smart.fhir.tls;

import java.util.List;
import org.careconnect.smart.service.tls.OutboundTls;
import org.careconnect.smart.service.tls.PlainHttpPaths;
import org.careconnect.smart.service.tls.StrictTransportSecurityFilter;
import org.careconnect.smart.service.tls.TlsAutoConfiguration;
import org.careconnect.smart.service.tls.TlsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this server adds to the shared https plumbing (service-support, README "https"): HSTS, the
 * trust of its outbound calls, and the open demo face kept on http.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  @Bean
  OutboundTls outboundTls(TlsProperties properties, SslBundles bundles) {
    return new OutboundTls(properties, bundles);
  }

  /** No Spring Security here to write HSTS, and the HAPI servlet's answers need it too. */
  @Bean
  @ConditionalOnExpression(TlsAutoConfiguration.HTTPS_ON)
  FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurityFilter(TlsProperties properties) {
    return StrictTransportSecurityFilter.registration(properties.hstsMaxAgeSeconds());
  }

  /** The open demo face (when enabled) stays on http: it is the point of it (docs/security.md). */
  @Bean
  @ConditionalOnProperty(name = "careconnect.fhir.open-face.enabled", havingValue = "true")
  PlainHttpPaths openFaceOnPlainHttp() {
    return () -> List.of("/open/");
  }
}
