package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.springframework.stereotype.Component;

/**
 * Adds {@code batch} to the system interactions of the CapabilityStatement. HAPI lists only
 * {@code transaction} for a {@code @Transaction} method, though the same method serves both.
 */
@Component
@Interceptor
class BatchCapability implements FhirServerInterceptor {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void addBatch(IBaseConformance generated) {
    if (!(generated instanceof CapabilityStatement statement)) {
      return;
    }
    for (CapabilityStatementRestComponent rest : statement.getRest()) {
      boolean transaction = rest.getInteraction().stream()
          .anyMatch(i -> i.getCode() == SystemRestfulInteraction.TRANSACTION);
      boolean batch = rest.getInteraction().stream()
          .anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
      if (transaction && !batch) {
        rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
      }
    }
  }
}
