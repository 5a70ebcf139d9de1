package org.careconnect.smart.auth.picker;

import java.time.Clock;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PickerProperties.class)
class PickerConfig {

  /**
   * The FHIR server enforces tokens (issue 4): the picker presents a token this server issues to
   * itself, audience the FHIR base it searches.
   */
  @Bean
  FhirServiceToken fhirServiceToken(
      JwtEncoder encoder, Clock clock, AuthServerProperties auth, PickerProperties picker) {
    return new SelfIssuedServiceToken(encoder, clock, auth.issuer(), picker.fhirBaseUrl().toString());
  }
}
