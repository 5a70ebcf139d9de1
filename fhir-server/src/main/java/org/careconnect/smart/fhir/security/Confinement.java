package org.careconnect.smart.fhir.security;

import org.careconnect.smart.scope.ScopeContext;

/**
 * Whose data a scope context reaches for this token (SMART App Launch 2.2 §scopes): {@code
 * patient/} the launch patient's compartment; {@code user/} everything for a clinician, the own
 * compartment for a patient user, nothing for anyone else; {@code system/} everything.
 *
 * @param granted false when the context reaches nothing (e.g. patient/ scopes without a patient)
 * @param patient the compartment owner's id, or null for no confinement
 */
record Confinement(boolean granted, String patient) {

  static final Confinement NOTHING = new Confinement(false, null);
  static final Confinement EVERYTHING = new Confinement(true, null);

  static Confinement of(ScopeContext context, SmartAccess access) {
    return switch (context) {
      case PATIENT -> access.patient() == null ? NOTHING : new Confinement(true, access.patient());
      case USER -> access.fhirUserPatient() != null
          ? new Confinement(true, access.fhirUserPatient())
          : access.isPractitionerUser() ? EVERYTHING : NOTHING;
      case SYSTEM -> EVERYTHING;
    };
  }

  boolean confined() {
    return patient != null;
  }
}
