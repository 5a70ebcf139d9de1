package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * A transaction entry failed, so the transaction did: the answer is that entry's status and
 * OperationOutcome, each issue naming the entry (FHIR STU3 §3.1.0.11: a transaction is accepted
 * or rejected as a whole).
 */
class EntryFailedException extends BaseServerResponseException {

  EntryFailedException(EntryRequest entry, BaseServerResponseException cause) {
    this(entry.index(), entry.label(), cause);
  }

  EntryFailedException(int index, String label, BaseServerResponseException cause) {
    super(
        cause.getStatusCode(),
        label + ": " + cause.getMessage(),
        cause,
        EntryOutcomes.outcomeOf(cause, "Bundle.entry[" + index + "]", label));
  }
}
