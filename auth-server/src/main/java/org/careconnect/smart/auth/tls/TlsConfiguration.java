package org.careconnect.smart.auth.tls;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * https beside http and the http mode (README "https"). HSTS needs nothing here: Spring
 * Security's default headers write it on every answer over https, and only there.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  private static final String HTTPS_ON = "!'${careconnect.tls.server-bundle:}'.isBlank()";

  @Bean
  OutboundTrust outboundTrust(TlsProperties properties, SslBundles bundles) {
    String name = properties.clientBundle();
    Optional<SslBundle> bundle = name == null || name.isBlank() ? Optional.empty() : Optional.of(bundles.getBundle(name));
    return new OutboundTrust(bundle);
  }

  @Bean
  @ConditionalOnExpression(HTTPS_ON)
  HttpsConnector httpsConnector(TlsProperties properties, SslBundles bundles) {
    return new HttpsConnector(properties, bundles);
  }

  /** Before Spring Security's filters: a redirected request needs no session, CSRF token or login. */
  @Bean
  @ConditionalOnExpression(HTTPS_ON + " and '${careconnect.tls.http-mode:redirect}'.equalsIgnoreCase('redirect')")
  FilterRegistrationBean<HttpsRedirectFilter> httpsRedirectFilter(TlsProperties properties) {
    FilterRegistrationBean<HttpsRedirectFilter> registration =
        new FilterRegistrationBean<>(new HttpsRedirectFilter(properties.httpsPort(), List.of()));
    registration.setName("https-redirect");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
