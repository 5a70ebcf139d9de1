package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.UUID;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.StoreTransactions;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A batch Bundle: each entry on its own, in Bundle order, as if sent alone (FHIR STU3
 * §3.1.0.11). An entry that fails does not stop the others; its response entry carries its status
 * and an OperationOutcome. Each entry runs in its own database transaction, so a failing entry
 * leaves nothing behind and a succeeding one is kept whatever the others do.
 */
@Component
class BatchProcessor {

  private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

  private final EntryExecutor executor;
  private final ResourceStores stores;
  private final StoreTransactions transactions;
  private final FhirContext fhirContext;

  BatchProcessor(
      EntryExecutor executor,
      ResourceStores stores,
      StoreTransactions transactions,
      FhirContext fhirContext) {
    this.executor = executor;
    this.stores = stores;
    this.transactions = transactions;
    this.fhirContext = fhirContext;
  }

  Bundle process(Bundle bundle, RequestDetails request, PreferReturnEnum prefer) {
    String base = request.getFhirServerBase();
    Bundle response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
    response.setId(UUID.randomUUID().toString());
    for (int index = 0; index < bundle.getEntry().size(); index++) {
      response.addEntry(processEntry(index, bundle.getEntry().get(index), request, prefer, base));
    }
    return response;
  }

  private BundleEntryComponent processEntry(
      int index, BundleEntryComponent entry, RequestDetails request, PreferReturnEnum prefer, String base) {
    String label = "Bundle.entry[" + index + "]";
    try {
      EntryRequest parsed = EntryRequest.parse(index, entry, base, stores);
      label = parsed.label();
      BundleReferences.refuseInBatch(fhirContext, parsed);
      EntryResult result = transactions.inTransaction(() -> executor.execute(parsed, null, request));
      return EntryOutcomes.success(parsed, result, prefer, base);
    } catch (BaseServerResponseException e) {
      return EntryOutcomes.failure(index, label, e);
    } catch (RuntimeException e) {
      // One entry's fault must not cost the client the results of the others.
      log.error("{} of a batch failed unexpectedly", label, e);
      return EntryOutcomes.failure(
          index, label, new InternalErrorException("The entry could not be processed: internal error"));
    }
  }
}
