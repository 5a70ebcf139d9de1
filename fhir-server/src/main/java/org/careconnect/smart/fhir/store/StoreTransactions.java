package org.careconnect.smart.fhir.store;

import java.util.function.Supplier;

/**
 * Runs work all or nothing across stores: a FHIR transaction Bundle runs inside one of these.
 * Calls made inside work that is already in a transaction join it.
 */
public interface StoreTransactions {
  <R> R inTransaction(Supplier<R> work);
}
