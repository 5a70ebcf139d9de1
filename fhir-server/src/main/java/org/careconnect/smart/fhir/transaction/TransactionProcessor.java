package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.careconnect.smart.fhir.server.ResourceWrites;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.StoreTransactions;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.HTTPVerb;
import org.springframework.stereotype.Component;

/**
 * A transaction Bundle: all entries succeed together or none has any effect (FHIR STU3
 * §3.1.0.11, http.html#transaction).
 *
 * <p>Everything runs in one database transaction ({@link StoreTransactions}); the first entry
 * that fails throws, which rolls back every write already made, and the client gets that entry's
 * status and OperationOutcome.
 *
 * <p>Order, as the spec's transaction processing rules give it: DELETE, then POST, then PUT, then
 * GET, whatever the order in the Bundle. Before any POST is written, the id of every new resource
 * is settled (a new id, or the one match of a conditional create), so that references between
 * entries, even circular ones, can be rewritten before anything is stored. Resources touched by
 * two entries make the transaction fail, as the rules require when identities overlap.
 */
@Component
class TransactionProcessor {

  private static final List<HTTPVerb> ORDER =
      List.of(HTTPVerb.DELETE, HTTPVerb.POST, HTTPVerb.PUT, HTTPVerb.GET);

  private final EntryExecutor executor;
  private final ResourceWrites writes;
  private final ResourceStores stores;
  private final StoreTransactions transactions;
  private final FhirContext fhirContext;

  TransactionProcessor(
      EntryExecutor executor,
      ResourceWrites writes,
      ResourceStores stores,
      StoreTransactions transactions,
      FhirContext fhirContext) {
    this.executor = executor;
    this.writes = writes;
    this.stores = stores;
    this.transactions = transactions;
    this.fhirContext = fhirContext;
  }

  Bundle process(Bundle bundle, RequestDetails request, PreferReturnEnum prefer) {
    String base = request.getFhirServerBase();
    List<EntryRequest> entries = new ArrayList<>();
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      int index = i;
      entries.add(
          failingAs(index, "Bundle.entry[" + index + "]",
              () -> EntryRequest.parse(index, bundle.getEntry().get(index), base, stores)));
    }
    EntryResult[] results = transactions.inTransaction(() -> run(entries, request));
    Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
    response.setId(UUID.randomUUID().toString());
    for (EntryRequest entry : entries) {
      response.addEntry(EntryOutcomes.success(entry, results[entry.index()], prefer, base));
    }
    return response;
  }

  private EntryResult[] run(List<EntryRequest> entries, RequestDetails request) {
    EntryResult[] results = new EntryResult[entries.size()];
    Map<String, Integer> touched = new HashMap<>();
    BundleReferences references = new BundleReferences(fhirContext, request.getFhirServerBase());
    Map<Integer, String> plannedIds = new HashMap<>();
    for (HTTPVerb method : ORDER) {
      if (method == HTTPVerb.POST) {
        planIds(entries, references, plannedIds);
        for (EntryRequest entry : entries) {
          if (entry.resource() != null) {
            failingAs(entry, () -> {
              references.rewrite(entry);
              return null;
            });
          }
        }
      }
      for (EntryRequest entry : entries) {
        if (entry.method() != method) {
          continue;
        }
        EntryResult result =
            failingAs(entry, () -> executor.execute(entry, plannedIds.get(entry.index()), request));
        if (method != HTTPVerb.GET) {
          checkIdentity(entry, result, plannedIds, touched);
        }
        results[entry.index()] = result;
      }
    }
    return results;
  }

  /**
   * Settles the id of each resource a POST creates, and of each PUT, so that references to their
   * {@code fullUrl}s can be rewritten before anything is written. Runs after the DELETEs, so that a
   * conditional create sees what the transaction deleted.
   */
  private void planIds(
      List<EntryRequest> entries, BundleReferences references, Map<Integer, String> plannedIds) {
    for (EntryRequest entry : entries) {
      failingAs(entry, () -> {
        String id = switch (entry.method()) {
          case POST -> plannedCreateId(entry);
          case PUT -> plannedUpdateId(entry);
          default -> null;
        };
        if (id != null) {
          if (entry.method() == HTTPVerb.POST) {
            plannedIds.put(entry.index(), id);
          }
          references.resolve(entry.fullUrl(), entry.resourceType(), id);
        }
        return null;
      });
    }
  }

  private String plannedCreateId(EntryRequest entry) {
    if (entry.ifNoneExist() != null) {
      List<String> existing = writes.matchingIds(entry.resourceType(), entry.ifNoneExist(), 2);
      if (existing.size() == 1) {
        return existing.get(0);
      }
    }
    return UUID.randomUUID().toString();
  }

  /**
   * The id a PUT will write: the URL's, or for a conditional update the one match, else the body
   * id, else a new one, which is then put in the body so the update uses it.
   */
  private String plannedUpdateId(EntryRequest entry) {
    if (!entry.conditional()) {
      return entry.id();
    }
    List<String> existing = writes.matchingIds(entry.resourceType(), entry.query(), 2);
    if (existing.size() > 1) {
      return null; // the update itself answers 412
    }
    if (existing.size() == 1) {
      return existing.get(0);
    }
    if (entry.resource().getIdElement().hasIdPart()) {
      return entry.resource().getIdElement().getIdPart();
    }
    String id = UUID.randomUUID().toString();
    entry.resource().setId(id);
    return id;
  }

  /**
   * Each resource may be deleted, created or updated by one entry only (the transaction
   * processing rules: overlapping identities make the transaction fail), and a create must land
   * where references to it were pointed.
   */
  private static void checkIdentity(
      EntryRequest entry, EntryResult result, Map<Integer, String> plannedIds, Map<String, Integer> touched) {
    String identity = result.identity();
    if (identity == null) {
      return;
    }
    String planned = plannedIds.get(entry.index());
    if (planned != null && !identity.equals(entry.resourceType() + "/" + planned)) {
      throw new EntryFailedException(entry, new InvalidRequestException(
          "its If-None-Exist now matches " + identity + ", which another entry of this"
              + " transaction wrote; the entries of a transaction must not overlap"));
    }
    Integer other = touched.putIfAbsent(identity, entry.index());
    if (other != null) {
      throw new EntryFailedException(entry, new InvalidRequestException(
          "Bundle.entry[" + other + "] acts on " + identity + " too; the resources a transaction"
              + " deletes, creates and updates must all differ"));
    }
  }

  private static <R> R failingAs(EntryRequest entry, Supplier<R> work) {
    return failingAs(entry.index(), entry.label(), work);
  }

  private static <R> R failingAs(int index, String label, Supplier<R> work) {
    try {
      return work.get();
    } catch (EntryFailedException e) {
      throw e;
    } catch (BaseServerResponseException e) {
      throw new EntryFailedException(index, label, e);
    }
  }
}
