package org.careconnect.smart.fhir.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.StoreTransactions;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Loads the demo population when the server starts in the {@code demo} profile and the store
 * holds no Patient yet, so only on the first start. It writes straight to the stores, not through
 * the REST API, whole patients at a time in transactions of a few hundred resources: a stop part
 * way leaves only complete patients, and the next start, seeing patients, loads nothing.
 *
 * <p>It runs before the server reports itself ready, so a readiness probe waits for the data.
 */
@Component
@Profile("demo")
class DemoDataLoader implements ApplicationRunner {

  /** Resources per transaction: large enough to amortise the commit, small enough to stay light. */
  static final int RESOURCES_PER_TRANSACTION = 300;

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final ResourceStores stores;
  private final StoreTransactions transactions;
  private final DemoDataProperties properties;

  DemoDataLoader(ResourceStores stores, StoreTransactions transactions, DemoDataProperties properties) {
    this.stores = stores;
    this.transactions = transactions;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    load();
  }

  /** Loads the population unless patients exist; what was written, or null when nothing was. */
  Map<String, Integer> load() {
    int existing = stores.forType(Patient.class).count(SearchQuery.all("Patient"));
    if (existing > 0) {
      log.info(
          "Demo data: the store already holds {} patients, so no demo data is loaded",
          String.format(java.util.Locale.UK, "%,d", existing));
      return null;
    }
    long start = System.nanoTime();
    DemoPopulation population = new DemoPopulation(properties.seed(), properties.patients());
    log.info(
        "Demo data: loading {} patients (seed {}) into an empty store",
        String.format(java.util.Locale.UK, "%,d", population.patientCount()),
        properties.seed());
    LoadProgress progress = new LoadProgress(population.patientCount(), start);
    Set<String> skipped = new TreeSet<>();

    List<Resource> shared = population.sharedResources();
    transactions.inTransaction(() -> write(shared, progress, skipped, true));

    List<Resource> batch = new ArrayList<>();
    int patientsInBatch = 0;
    for (List<Resource> patient : population.patients()) {
      batch.addAll(patient);
      patientsInBatch++;
      if (batch.size() >= RESOURCES_PER_TRANSACTION) {
        flush(batch, patientsInBatch, progress, skipped);
        patientsInBatch = 0;
      }
    }
    flush(batch, patientsInBatch, progress, skipped);
    if (!skipped.isEmpty()) {
      log.warn("Demo data: this server has no store for {}, so those resources were not loaded", skipped);
    }
    log.info(progress.summary(System.nanoTime()));
    return progress.byType();
  }

  private void flush(List<Resource> batch, int patients, LoadProgress progress, Set<String> skipped) {
    if (batch.isEmpty()) {
      return;
    }
    transactions.inTransaction(() -> write(batch, progress, skipped, false));
    batch.clear();
    progress.patientsWritten(patients);
    String line = progress.tenthReached(System.nanoTime());
    if (line != null) {
      log.info(line);
    }
  }

  /**
   * Writes resources to the store of their type. Shared resources (practices, medicines) are
   * written as update-or-create, so a load that stopped before its first patient can run again.
   */
  private Void write(List<Resource> resources, LoadProgress progress, Set<String> skipped, boolean idempotent) {
    for (Resource resource : resources) {
      String type = resource.fhirType();
      if (!stores.serves(type)) {
        skipped.add(type);
        continue;
      }
      ResourceStore<?> store = stores.forTypeName(type);
      if (idempotent) {
        update(store, resource);
      } else {
        create(store, resource);
      }
      progress.written(resource);
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <T extends IBaseResource> void create(ResourceStore<T> store, Resource resource) {
    store.create((T) resource);
  }

  @SuppressWarnings("unchecked")
  private static <T extends IBaseResource> void update(ResourceStore<T> store, Resource resource) {
    store.update(resource.getIdElement().getIdPart(), (T) resource, null);
  }
}
