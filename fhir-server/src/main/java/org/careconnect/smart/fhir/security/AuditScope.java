package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor.Verdict;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import org.careconnect.smart.scope.CustomScope;

/**
 * The audit trail (AuditEvent) belongs to admins: read and search with the custom scope
 * {@code careconnect/audit}, which the authorisation server gives only to ADMIN users and to
 * clients an admin allowed it. No resource scope reaches it, however wide ({@code user/*.*},
 * {@code system/*.*}, {@code patient/*.read}, even {@code user/AuditEvent.rs}), and nothing writes it.
 * Decided before, and instead of, the scope rules (docs/security.md, "Audit").
 */
public final class AuditScope {

  public static final CustomScope SCOPE = new CustomScope("careconnect/audit");
  public static final String RESOURCE_TYPE = "AuditEvent";

  private AuditScope() {}

  public static boolean heldBy(RequestDetails request) {
    return SmartAccess.of(request).map(access -> access.scopes().contains(SCOPE)).orElse(false);
  }

  /** The verdict on a request or response touching AuditEvent. */
  static Verdict verdict(RestOperationTypeEnum operation, RequestDetails request) {
    boolean reading = switch (operation) {
      case READ, SEARCH_TYPE, GET_PAGE -> true;
      default -> false;
    };
    if (reading && heldBy(request)) {
      return new Verdict(PolicyEnum.ALLOW, null);
    }
    request.getUserData().put(SmartAuthorizationInterceptor.Refusal.KEY, new SmartAuthorizationInterceptor.Refusal(
        "AuditEvent is readable only with the scope " + SCOPE.value() + " (admins) and never writable"));
    return new Verdict(PolicyEnum.DENY, null);
  }
}
