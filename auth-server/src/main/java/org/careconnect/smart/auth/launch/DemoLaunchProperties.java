package org.careconnect.smart.auth.launch;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo-only launch features under {@code careconnect.auth.demo}, all off in application.yaml and
 * on in application-demo.yaml; demo/DemoSecretsGuard refuses to start with any of them on outside
 * the demo profile.
 *
 * @param simulatedErrorsEnabled whether {@code POST /api/launch} accepts {@code simulated_error}
 * @param launchShortcutsEnabled whether it accepts {@code skip_login} and {@code skip_consent}
 * @param shortcutUsers the only usernames those shortcuts may act for (never an administrator,
 *     whatever this list says)
 * @param expiredTokenAge how far in the past the simulated expired token's {@code exp} lies: more
 *     than any resource server's clock skew (the FHIR server allows 60 s), so it is refused at once
 */
@ConfigurationProperties("careconnect.auth.demo")
record DemoLaunchProperties(
    boolean simulatedErrorsEnabled,
    boolean launchShortcutsEnabled,
    List<String> shortcutUsers,
    Duration expiredTokenAge) {

  DemoLaunchProperties {
    shortcutUsers = shortcutUsers == null ? List.of() : List.copyOf(shortcutUsers);
    expiredTokenAge = expiredTokenAge == null ? Duration.ofMinutes(5) : expiredTokenAge;
  }
}
