package org.careconnect.smart.auth.launch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careconnect.auth.launch}, declared once with their defaults in
 * application.yaml.
 *
 * @param lifetime how long a registered EHR launch id can be resolved; SMART 2.2 §EHR launch
 *     expects it to be short-lived, so at most an hour is accepted
 */
@ConfigurationProperties("careconnect.auth.launch")
record LaunchProperties(Duration lifetime) {

  static final Duration MAX_LIFETIME = Duration.ofHours(1);

  LaunchProperties {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "careconnect.auth.launch.lifetime must be positive and at most PT1H, was " + lifetime);
    }
  }
}
