package org.careconnect.smart.service.tls;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * https beside http and the http mode, the same in every service (README "https"). What differs
 * stays in the service: HSTS (Spring Security's headers, or {@link StrictTransportSecurityFilter}
 * where there is none), the trust of outbound calls, the paths kept on http ({@link PlainHttpPaths}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TlsProperties.class)
public class TlsAutoConfiguration {

  /** SpEL rather than TlsProperties: the condition is decided before the properties are bound. */
  public static final String HTTPS_ON = "!'${careconnect.tls.server-bundle:}'.isBlank()";

  @Bean
  @ConditionalOnExpression(HTTPS_ON)
  HttpsConnector httpsConnector(TlsProperties properties, SslBundles bundles) {
    return new HttpsConnector(properties, bundles);
  }

  /**
   * Right after the request id filter (so a redirect carries the id) and long before Spring
   * Security's filters: a redirected request needs no session, CSRF token or login, and meets no
   * other guard (the metrics scrape credential is never asked for over plain http).
   */
  @Bean
  @ConditionalOnExpression(HTTPS_ON + " and '${careconnect.tls.http-mode:redirect}'.equalsIgnoreCase('redirect')")
  FilterRegistrationBean<HttpsRedirectFilter> httpsRedirectFilter(
      TlsProperties properties, ObjectProvider<PlainHttpPaths> plainHttpPaths) {
    List<String> served = plainHttpPaths.orderedStream().flatMap(paths -> paths.prefixes().stream()).toList();
    FilterRegistrationBean<HttpsRedirectFilter> registration =
        new FilterRegistrationBean<>(new HttpsRedirectFilter(properties.httpsPort(), served));
    registration.setName("https-redirect");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
