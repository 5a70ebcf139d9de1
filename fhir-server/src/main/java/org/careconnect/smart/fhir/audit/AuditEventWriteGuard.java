package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.careconnect.smart.fhir.request.Refusals;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.hl7.fhir.dstu3.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * AuditEvent is never written through the API (create, update, patch, delete, operations): 405
 * naming the rule, before any handler is chosen or body read, whatever the token. Only the server
 * writes the trail. (Without this HAPI would answer 400 "unknown method", which reads as the
 * client's mistake rather than as a rule.) Batch and transaction entries can't reach AuditEvent
 * either: they go to the resource stores, which don't hold it.
 */
@Component
@Interceptor
class AuditEventWriteGuard implements FhirServerInterceptor {

  private static final String AUDIT_EVENT = new AuditEvent().fhirType();

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = 1)
  public boolean refuseWrites(RequestDetails request, HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
    if (!AUDIT_EVENT.equals(request.getResourceName()) || isReadOrSearch(request)) {
      return true;
    }
    return Refusals.respond(request, servletRequest, servletResponse, new MethodNotAllowedException(
        "AuditEvent is read-only: the server alone writes the audit trail", RequestTypeEnum.GET));
  }

  private static boolean isReadOrSearch(RequestDetails request) {
    RequestTypeEnum method = request.getRequestType();
    if (request.getOperation() != null && !"_search".equals(request.getOperation())) {
      return false;
    }
    return method == RequestTypeEnum.GET || method == RequestTypeEnum.HEAD
        || (method == RequestTypeEnum.POST && "_search".equals(request.getOperation()));
  }
}
