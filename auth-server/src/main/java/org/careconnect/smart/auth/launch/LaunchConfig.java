package org.careconnect.smart.auth.launch;

import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

@Configuration(proxyBeanMethods = false)
class LaunchConfig {

  @Bean
  LaunchContextResolver patientSelfLaunch(UserAccounts users) {
    return new PatientSelfLaunch(users);
  }

  @Bean
  LaunchContextBinding launchContextBinding(
      OAuth2AuthorizationService authorizations, LaunchContextResolver resolver) {
    return new LaunchContextBinding(authorizations, resolver);
  }
}
