package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.careconnect.smart.fhir.security.AuditScope;
import org.careconnect.smart.scope.CustomScope;

/**
 * Only admins read the audit trail: a token holding the custom scope {@code careconnect/audit},
 * which the authorisation server grants only to users with the ADMIN role and to clients an admin
 * allowed it. Resource scopes never reach AuditEvent, however wide: {@code user/*.rs},
 * {@code system/*.*} and {@code patient/*.read} name clinical data, not the record of who saw it.
 * Checked in the provider itself, so no rule set elsewhere can open the trail by accident.
 */
final class AuditAccess {

  static final CustomScope AUDIT_SCOPE = AuditScope.SCOPE;

  private AuditAccess() {}

  static void require(RequestDetails request) {
    if (!AuditScope.heldBy(request)) {
      ForbiddenOperationException refusal = new ForbiddenOperationException(
          "AuditEvent is readable only with the scope " + AUDIT_SCOPE.value() + " (admins); no resource scope grants it");
      // RFC 6750 §3.1
      refusal.addResponseHeader("WWW-Authenticate",
          "Bearer error=\"insufficient_scope\", scope=\"" + AUDIT_SCOPE.value() + "\"");
      throw refusal;
    }
  }
}
