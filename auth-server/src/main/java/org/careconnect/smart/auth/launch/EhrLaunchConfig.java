package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.careconnect.smart.auth.picker.PickedPatientContexts;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the EHR launch (launch id checked at the authorize endpoint, its context fixed on the
 * authorization) and the order in which a launch context is decided: an EHR launch first, then a
 * patient picked in a standalone launch, then a patient user's own record.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoLaunchProperties.class)
class EhrLaunchConfig {

  @Bean
  EhrLaunchValidator ehrLaunchValidator(
      LaunchStore store, UserAccounts users, Clock clock, DemoLaunchRules demo) {
    return new EhrLaunchValidator(store, users, clock, demo);
  }

  @Bean
  @Primary
  LaunchContextResolver smartLaunchContextResolver(
      LaunchStore store, ObjectMapper json, PickedPatientContexts picked, UserAccounts users) {
    LaunchContextResolver ehr = new EhrLaunchContexts(store, json);
    LaunchContextResolver self = new PatientSelfLaunch(users);
    return authorization -> {
      for (LaunchContextResolver resolver : new LaunchContextResolver[] {ehr, picked, self}) {
        LaunchContext context = resolver.resolve(authorization);
        if (!context.equals(LaunchContext.NONE)) {
          return context;
        }
      }
      return LaunchContext.NONE;
    };
  }
}
