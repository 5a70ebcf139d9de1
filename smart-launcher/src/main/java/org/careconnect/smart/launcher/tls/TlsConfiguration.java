package org.careconnect.smart.launcher.tls;

import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.fhir.Http;
import org.careconnect.smart.service.tls.OutboundTls;
import org.careconnect.smart.service.tls.TlsProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the launcher adds to the shared https plumbing (service-support, README "https"): the trust
 * of its outbound calls. HSTS needs nothing here: Spring Security's default headers write it on
 * every answer over https, and only there.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  @Bean
  OutboundTls outboundTls(TlsProperties properties, SslBundles bundles) {
    return new OutboundTls(properties, bundles);
  }

  /** The one outbound HTTP client: its timeouts, and the CAs an https server must chain to. */
  @Bean
  Http http(LauncherProperties properties, OutboundTls tls) {
    return new Http(properties.timeout(), tls.sslContext());
  }
}
