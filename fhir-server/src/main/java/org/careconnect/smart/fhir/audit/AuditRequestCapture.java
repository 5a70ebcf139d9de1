package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Leaves HAPI's view of a request (interaction, resource, verified token) on the servlet request
 * for {@link AuditFilter}. {@code SERVER_PROCESSING_COMPLETED} runs for every request HAPI saw,
 * answered normally, by an exception or by a hook that stopped it.
 */
@Component
@Interceptor
class AuditRequestCapture implements FhirServerInterceptor {

  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  public void capture(ServletRequestDetails request) {
    if (request != null && request.getServletRequest() != null) {
      request.getServletRequest().setAttribute(AuditFilter.REQUEST_DETAILS, request);
    }
  }
}
