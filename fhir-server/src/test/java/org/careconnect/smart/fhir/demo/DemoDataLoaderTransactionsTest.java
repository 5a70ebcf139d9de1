package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.careconnect.smart.fhir.store.HistoryQuery;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.StoreTransactions;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

/** How the loader writes: whole patients, a few hundred resources per transaction, once. */
class DemoDataLoaderTransactionsTest {

  private final List<List<Resource>> transactions = new ArrayList<>();
  private final StoreTransactions recording =
      new StoreTransactions() {
        @Override
        public <R> R inTransaction(Supplier<R> work) {
          transactions.add(new ArrayList<>());
          return work.get();
        }
      };
  private final ResourceStores stores =
      new ResourceStores(
          List.of(
              new RecordingStore<>(Patient.class),
              new RecordingStore<>(Observation.class),
              new RecordingStore<>(Organization.class)));
  private final DemoDataLoader loader =
      new DemoDataLoader(stores, recording, new DemoDataProperties(40, 5));

  @Test
  void eachTransactionHoldsWholePatientsAndAFewHundredResources() {
    loader.load();

    List<List<Resource>> patientTransactions = transactions.subList(1, transactions.size());
    assertThat(patientTransactions).hasSizeGreaterThan(1);
    for (List<Resource> transaction : patientTransactions) {
      Set<String> patients = new HashSet<>();
      transaction.stream().filter(r -> r instanceof Patient).forEach(p -> patients.add("Patient/" + p.getIdElement().getIdPart()));
      assertThat(transaction)
          .filteredOn(r -> r instanceof Observation)
          .allSatisfy(o -> assertThat(patients).contains(((Observation) o).getSubject().getReference()));
      assertThat(transaction.size()).isLessThan(DemoDataLoader.RESOURCES_PER_TRANSACTION + 200);
    }
  }

  @Test
  void typesWithoutAStoreAreSkippedAndEverythingElseIsWritten() {
    Map<String, Integer> written = loader.load();

    Map<String, Integer> generated = new LinkedHashMap<>();
    DemoPopulationTest.all(new DemoPopulation(5, 40)).forEach(r -> generated.merge(r.fhirType(), 1, Integer::sum));
    assertThat(written)
        .containsOnlyKeys("Patient", "Observation", "Organization")
        .containsEntry("Patient", 40)
        .containsEntry("Observation", generated.get("Observation"))
        .containsEntry("Organization", generated.get("Organization"));
  }

  @Test
  void aSecondLoadWritesNothingOnceThereArePatients() {
    loader.load();
    int before = transactions.size();

    assertThat(loader.load()).isNull();
    assertThat(transactions).hasSize(before);
  }

  /** Keeps what is written and records it in the current transaction. */
  private final class RecordingStore<T extends Resource> implements ResourceStore<T> {
    private final Class<T> type;
    private final Map<String, T> resources = new LinkedHashMap<>();

    RecordingStore(Class<T> type) {
      this.type = type;
    }

    @Override
    public Class<T> resourceType() {
      return type;
    }

    @Override
    public T create(T resource) {
      resources.put(resource.getIdElement().getIdPart(), resource);
      transactions.get(transactions.size() - 1).add(resource);
      return resource;
    }

    @Override
    public WriteResult<T> update(String id, T resource, Long expectedVersion) {
      boolean created = !resources.containsKey(id);
      create(resource);
      return new WriteResult<>(resource, created);
    }

    @Override
    public int count(SearchQuery query) {
      return resources.size();
    }

    @Override
    public T read(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public T readVersion(String id, long versionId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Long delete(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<T> search(SearchQuery query, int offset, int count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<T> history(HistoryQuery query, int offset, int count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int countHistory(HistoryQuery query) {
      throw new UnsupportedOperationException();
    }
  }
}
