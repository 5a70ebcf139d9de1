package org.careconnect.smart.sampleapp.tls;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** https beside http, HSTS and the http mode (README "https"). The app calls nothing itself. */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  private static final String HTTPS_ON = "!'${careconnect.tls.server-bundle:}'.isBlank()";

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

  @Bean
  @ConditionalOnExpression(HTTPS_ON + " and '${careconnect.tls.http-mode:redirect}'.equalsIgnoreCase('redirect')")
  FilterRegistrationBean<HttpsRedirectFilter> httpsRedirectFilter(TlsProperties properties) {
    FilterRegistrationBean<HttpsRedirectFilter> registration =
        new FilterRegistrationBean<>(new HttpsRedirectFilter(properties.httpsPort(), List.of()));
    registration.setName("https-redirect");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
