package org.careconnect.smart.fhir.tls;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** https beside http, HSTS, the http mode, and the trust of outbound calls (README "https"). */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  private static final String HTTPS_ON = "!'${careconnect.tls.server-bundle:}'.isBlank()";

  @Bean
  OutboundTls outboundTls(TlsProperties properties, SslBundles bundles) {
    return new OutboundTls(properties, bundles);
  }

  @Bean
  @ConditionalOnExpression(HTTPS_ON)
  HttpsConnector httpsConnector(TlsProperties properties, SslBundles bundles) {
    return new HttpsConnector(properties, bundles);
  }

  @Bean
  @ConditionalOnExpression(HTTPS_ON)
  FilterRegistrationBean<StrictTransportSecurityFilter> strictTransportSecurityFilter(TlsProperties properties) {
    FilterRegistrationBean<StrictTransportSecurityFilter> registration =
        new FilterRegistrationBean<>(new StrictTransportSecurityFilter(properties.hstsMaxAgeSeconds()));
    registration.setName("strict-transport-security");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The open demo face (when enabled) stays on http: it is the point of it (docs/security.md). */
  @Bean
  @ConditionalOnExpression(HTTPS_ON + " and '${careconnect.tls.http-mode:redirect}'.equalsIgnoreCase('redirect')")
  FilterRegistrationBean<HttpsRedirectFilter> httpsRedirectFilter(
      TlsProperties properties, @Value("${careconnect.fhir.open-face.enabled:false}") boolean openFace) {
    List<String> served = new ArrayList<>();
    if (openFace) {
      served.add("/open/");
    }
    FilterRegistrationBean<HttpsRedirectFilter> registration =
        new FilterRegistrationBean<>(new HttpsRedirectFilter(properties.httpsPort(), List.copyOf(served)));
    registration.setName("https-redirect");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
