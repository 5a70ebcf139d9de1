package org.careconnect.smart.fhir.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.careconnect.smart.scope.ResourceScope;
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

  /**
   * The compartments ({@code Patient/id}) a search of {@code type}, a type of the Patient
   * compartment, is narrowed to: those of the token's scopes reaching the type. Empty when one of
   * them is not confined (a clinician's {@code user/} scope): that token is not narrowed.
   */
  static List<String> compartmentsToNarrowTo(SmartAccess access, String type) {
    Set<String> patients = new TreeSet<>();
    for (ResourceScope scope : access.scopes().resourceScopes()) {
      Confinement confinement = of(scope.context(), access);
      if (!confinement.granted() || !scope.coversType(type)) {
        continue;
      }
      if (!confinement.confined()) {
        return List.of();
      }
      patients.add("Patient/" + confinement.patient());
    }
    return List.copyOf(patients);
  }

  boolean confined() {
    return patient != null;
  }
}
