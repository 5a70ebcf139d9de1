package org.careconnect.smart.auth.picker;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PickerProperties.class)
class PickerConfig {

  /**
   * No credential yet: the FHIR server does not enforce tokens before its enforcement issue.
   * Replace this bean with one that fetches a backend-services token when it does.
   */
  @Bean
  FhirServiceToken fhirServiceToken() {
    return FhirServiceToken.NONE;
  }
}
