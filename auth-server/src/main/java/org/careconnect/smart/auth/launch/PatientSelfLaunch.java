package org.careconnect.smart.auth.launch;

import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Standalone launch by a patient (SMART 2.2 §launch/patient): a patient user who granted
 * {@code launch/patient} gets their own Patient as the context. Clinicians get no patient until
 * the patient picker exists.
 */
final class PatientSelfLaunch implements LaunchContextResolver {

  static final String LAUNCH_PATIENT = "launch/patient";
  private static final String PATIENT_PREFIX = "Patient/";

  private final UserAccounts users;

  PatientSelfLaunch(UserAccounts users) {
    this.users = users;
  }

  @Override
  public LaunchContext resolve(OAuth2Authorization authorization) {
    if (!authorization.getAuthorizedScopes().contains(LAUNCH_PATIENT)) {
      return LaunchContext.NONE;
    }
    return users
        .fhirUser(authorization.getPrincipalName())
        .filter(reference -> reference.startsWith(PATIENT_PREFIX))
        .map(reference -> LaunchContext.patient(reference.substring(PATIENT_PREFIX.length())))
        .orElse(LaunchContext.NONE);
  }
}
