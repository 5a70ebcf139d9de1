package org.careconnect.smart.fhir.openface;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.careconnect.smart.fhir.request.Refusals;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.instance.model.api.IBaseConformance;

/**
 * The open face reads and never writes. Allowed: read, vread, search (GET, and POST to
 * {@code _search}), history, paging, {@code $everything}, metadata. Everything else (create,
 * update, patch, delete, batch, transaction, {@code $validate} and any other operation) is a 405
 * saying so, decided from the method and path before any handler is chosen or body is read: an
 * allow-list, so an interaction added later stays refused here until someone allows it.
 */
@Interceptor
class ReadOnlyFace {

  static final String REFUSAL = "The open demo face is read-only; writes, batches, transactions and operations"
      + " other than $everything need the secured face at /fhir/STU3 and a token. Refused: ";

  private static final Set<TypeRestfulInteraction> READS = Set.of(TypeRestfulInteraction.READ,
      TypeRestfulInteraction.VREAD, TypeRestfulInteraction.SEARCHTYPE, TypeRestfulInteraction.HISTORYINSTANCE,
      TypeRestfulInteraction.HISTORYTYPE);

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED, order = -10)
  public boolean refuseWrites(RequestDetails request, HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
    if (isRead(request)) {
      return true;
    }
    String what = request.getOperation() == null ? request.getRequestType().name() : request.getOperation();
    return Refusals.respond(request, servletRequest, servletResponse, new MethodNotAllowedException(
        REFUSAL + what, RequestTypeEnum.GET));
  }

  private static boolean isRead(RequestDetails request) {
    String operation = request.getOperation();
    return switch (request.getRequestType()) {
      case GET, HEAD -> operation == null || !operation.startsWith("$") || operation.equals("$everything");
      case POST -> "_search".equals(operation) && request.getResourceName() != null;
      default -> false;
    };
  }

  /** Says read-only, and offers no security: the open face takes no token (no rest.security). */
  @Hook(value = Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED, order = 1000)
  public void describeReadOnly(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    statement.setDescription("Open, read-only demo face: synthetic data only, no token. Writes are refused (405).");
    for (CapabilityStatementRestComponent rest : statement.getRest()) {
      rest.setSecurity(null);
      rest.setDocumentation("Read-only: read, vread, search, history and Patient/$everything; no writes, no batch or transaction");
      rest.getInteraction().clear();
      rest.getOperation().removeIf(op -> !"everything".equals(op.getName()));
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        resource.getInteraction().removeIf(i -> !READS.contains(i.getCode()));
        resource.setConditionalCreate(false).setConditionalUpdate(false).setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
        resource.setUpdateCreate(false);
      }
    }
  }
}
