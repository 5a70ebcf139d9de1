package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Whether one of the token's read rules allows a resource going out of a read or search, answered
 * without running the token's whole rule list. The rule list is allow rules followed by one
 * deny-all (decision 0012), so HAPI allows the resource exactly when one allow rule does; this
 * finds the one rule that can, by the resource's type:
 *
 * <ul>
 *   <li>a read rule allowing any id of the type (an unconfined read scope);
 *   <li>a read rule confined to a Patient compartment ({@code patient/} or a patient user's
 *       {@code user/} scope), when the resource is in that compartment, decided as HAPI's rule
 *       decides it ({@link PatientCompartment}).
 * </ul>
 *
 * <p>False means only "not shown here": the caller then asks HAPI's rules, which may still allow
 * it through another rule (the fhirUser read) or refuse it. Both rules also check the type in the
 * resource's id, when it has one.
 */
final class ReadRuleShortcut {

  private final PatientCompartment compartment;

  ReadRuleShortcut(FhirContext fhirContext) {
    this.compartment = new PatientCompartment(fhirContext);
  }

  boolean allows(TokenPermissions token, String type, IBaseResource resource) {
    if (!idTypeIs(resource, type)) {
      return false;
    }
    if (token.readableWithAnyId(type)) {
      return true;
    }
    var owners = token.readableInCompartmentsOf(type);
    if (owners.isEmpty()) {
      return false;
    }
    for (IdType owner : owners) {
      if (compartment.contains(type, resource, owner)) {
        return true;
      }
    }
    return false;
  }

  /** HAPI's read rule also checks the type in the resource's id, when there is one. */
  static boolean idTypeIs(IBaseResource resource, String type) {
    var id = resource.getIdElement();
    return id == null || !id.hasResourceType() || type.equals(id.getResourceType());
  }
}
