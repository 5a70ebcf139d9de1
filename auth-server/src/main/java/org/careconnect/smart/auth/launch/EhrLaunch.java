package org.careconnect.smart.auth.launch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A launch registered by an EHR (SMART App Launch 2.2 §EHR launch): the context an app receives
 * when it presents {@code launch=<id>} with the {@code launch} scope.
 *
 * @param id the opaque launch id handed to the app
 * @param clientId the only app that may resolve it
 * @param patient Patient id (not reference), or null
 * @param encounter Encounter id, or null
 * @param user the EHR user the launch is for (fhirUser reference or username), or null for any
 * @param fhirContext SMART 2.2 fhirContext items, each an object with reference, canonical or
 *     identifier
 * @param usedAt when an authorisation request resolved it; null while unused
 * @param usedBy the user logged in when it was resolved; null while unused
 * @param demo demo-profile options (simulated error, skip login or consent); NONE elsewhere
 */
record EhrLaunch(
    String id,
    String clientId,
    String patient,
    String encounter,
    String user,
    Boolean needPatientBanner,
    String smartStyleUrl,
    List<Map<String, Object>> fhirContext,
    Instant expiresAt,
    Instant usedAt,
    String usedBy,
    DemoLaunchOptions demo) {

  EhrLaunch {
    fhirContext = fhirContext == null ? List.of() : List.copyOf(fhirContext);
    demo = demo == null ? DemoLaunchOptions.NONE : demo;
  }

  boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  boolean used() {
    return usedAt != null;
  }
}
