package org.careconnect.smart.auth.tls;

import java.util.Optional;
import org.careconnect.smart.service.tls.TlsProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this server adds to the shared https plumbing (service-support, README "https"): the trust
 * of the patient picker's calls to the FHIR server. HSTS needs nothing here: Spring Security's
 * default headers write it on every answer over https, and only there.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  @Bean
  OutboundTrust outboundTrust(TlsProperties properties, SslBundles bundles) {
    String name = properties.clientBundle();
    Optional<SslBundle> bundle = name == null || name.isBlank() ? Optional.empty() : Optional.of(bundles.getBundle(name));
    return new OutboundTrust(bundle);
  }
}
