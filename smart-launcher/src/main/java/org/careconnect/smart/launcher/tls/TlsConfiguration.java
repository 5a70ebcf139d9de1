package org.careconnect.smart.launcher.tls;

import java.util.List;
import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.fhir.Http;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * https beside http, the http mode, and the trust of the launcher's outbound calls (README
 * "https"). HSTS needs nothing here: Spring Security's default headers write it on every answer
 * over https, and only there.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  private static final String HTTPS_ON = "!'${careconnect.tls.server-bundle:}'.isBlank()";

  @Bean
  OutboundTls outboundTls(TlsProperties properties, SslBundles bundles) {
    return new OutboundTls(properties, bundles);
  }

  /** The one outbound HTTP client: its timeouts, and the CAs an https server must chain to. */
  @Bean
  Http http(LauncherProperties properties, OutboundTls tls) {
    return new Http(properties.timeout(), tls.sslContext());
  }

  @Bean
  @ConditionalOnExpression(HTTPS_ON)
  HttpsConnector httpsConnector(TlsProperties properties, SslBundles bundles) {
    return new HttpsConnector(properties, bundles);
  }

  /** Before Spring Security's filters: a redirected request needs no session or CSRF token. */
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
