package org.careconnect.smart.auth.demo;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Outside the demo profile the server refuses to start while a demo password or secret is
 * configured, or a demo-only feature (simulated errors, launch shortcuts) is enabled: a production
 * deployment must never accept the published demo credentials nor sign anyone in unasked.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!demo")
class DemoSecretsGuard {

  static final List<String> DEMO_SECRETS =
      List.of(
          "careconnect.auth.demo.clinician-password",
          "careconnect.auth.demo.patient-password",
          "careconnect.auth.demo.confidential-client-secret",
          "careconnect.auth.demo.audit-viewer-client-secret",
          "careconnect.auth.demo.launcher-client-secret",
          "careconnect.auth.demo.backend-client-jwks",
          "careconnect.auth.demo.launcher-client-jwks",
          "careconnect.auth.demo.admin-password");

  /** Demo-only features (launch/DemoLaunchProperties): never on outside the demo profile. */
  static final List<String> DEMO_FEATURES =
      List.of(
          "careconnect.auth.demo.simulated-errors-enabled",
          "careconnect.auth.demo.launch-shortcuts-enabled");

  @Bean
  Object demoFeaturesOff(Environment environment) {
    List<String> enabled =
        DEMO_FEATURES.stream()
            .filter(key -> environment.getProperty(key, Boolean.class, false))
            .toList();
    if (!enabled.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: demo-only features are enabled outside the demo profile: "
              + enabled
              + ". Set them to false, or run with SPRING_PROFILES_ACTIVE=demo.");
    }
    return new Object();
  }

  @Bean
  Object demoSecretsAbsent(Environment environment) {
    List<String> configured =
        DEMO_SECRETS.stream()
            .filter(key -> !environment.getProperty(key, "").isBlank())
            .toList();
    if (!configured.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: demo credentials are configured outside the demo profile: "
              + configured
              + ". Remove them, or run with SPRING_PROFILES_ACTIVE=demo.");
    }
    return new Object();
  }
}
