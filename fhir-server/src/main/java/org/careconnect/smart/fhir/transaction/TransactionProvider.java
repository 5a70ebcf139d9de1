package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.api.server.IRestfulServer;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.careconnect.smart.fhir.server.FhirSystemProvider;
import org.hl7.fhir.dstu3.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * {@code POST [base]} with a Bundle: batch or transaction (FHIR STU3 §3.1.0.11,
 * http.html#transaction). Any other kind of Bundle posted to the base is a 400: the base takes
 * only these two.
 */
@Component
class TransactionProvider implements FhirSystemProvider {

  private final TransactionProcessor transactions;
  private final BatchProcessor batches;

  TransactionProvider(TransactionProcessor transactions, BatchProcessor batches) {
    this.transactions = transactions;
    this.batches = batches;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails request) {
    PreferReturnEnum prefer = preferredReturn(request);
    Bundle.BundleType type = bundle.getType();
    if (type == Bundle.BundleType.TRANSACTION) {
      return transactions.process(bundle, request, prefer);
    }
    if (type == Bundle.BundleType.BATCH) {
      return batches.process(bundle, request, prefer);
    }
    throw new InvalidRequestException(
        "Only a Bundle of type 'transaction' or 'batch' can be posted to the base, not "
            + (type == null || type == Bundle.BundleType.NULL ? "one without a type" : "'" + type.toCode() + "'"));
  }

  /**
   * What the client asked a write to return ({@code Prefer: return=...}); without the header,
   * what the server returns for a single create or update, so both paths agree.
   */
  private static PreferReturnEnum preferredReturn(RequestDetails request) {
    PreferReturnEnum asked =
        RestfulServerUtils.parsePreferHeader(request.getHeader(Constants.HEADER_PREFER)).getReturn();
    if (asked != null) {
      return asked;
    }
    return request.getServer() instanceof IRestfulServer<?> server && server.getDefaultPreferReturn() != null
        ? server.getDefaultPreferReturn()
        : PreferReturnEnum.REPRESENTATION;
  }
}
