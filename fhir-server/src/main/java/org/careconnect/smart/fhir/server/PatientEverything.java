package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.SearchValue;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$everything}: the patient, then every resource of each type that links to
 * it, type by type, paged like any other result set.
 */
@Component
class PatientEverything {

  private final SearchParameterRegistry registry;
  private final ResourceStores stores;

  PatientEverything(SearchParameterRegistry registry, ResourceStores stores) {
    this.registry = registry;
    this.stores = stores;
  }

  IBundleProvider open(PagedResult.Everything definition) {
    String patientId = definition.patientId();
    IBaseResource patient = stores.forTypeName("Patient").read(patientId);
    List<Part> parts = new ArrayList<>();
    for (ResourceSearchParameters<?> parameters : registry.all()) {
      if (parameters.patientLink() != null) {
        SearchQuery query =
            SearchQuery.all(parameters.typeName())
                .and(new SearchQuery.SearchClause(parameters.patientLink(), SearchParamType.REFERENCE,
                    List.of(new SearchValue.Ref("Patient", patientId))));
        parts.add(new Part(stores.forTypeName(parameters.typeName()), query));
      }
    }
    return new PagedBundleProvider(definition) {
      @Override
      protected int count() {
        return 1 + parts.stream().mapToInt(Part::count).sum();
      }

      @Override
      public List<IBaseResource> getResources(int from, int to) {
        List<IBaseResource> page = new ArrayList<>();
        if (from == 0 && to > 0) {
          page.add(patient);
        }
        int start = 1;
        for (Part part : parts) {
          int size = part.count();
          int partFrom = Math.max(from, start) - start;
          int partTo = Math.min(to, start + size) - start;
          if (partTo > partFrom) {
            page.addAll(part.store.search(part.query, partFrom, partTo - partFrom));
          }
          start += size;
          if (start >= to) {
            break;
          }
        }
        return page;
      }
    };
  }

  private static final class Part {
    private final ResourceStore<?> store;
    private final SearchQuery query;
    private Integer count;

    Part(ResourceStore<?> store, SearchQuery query) {
      this.store = store;
      this.query = query;
    }

    int count() {
      if (count == null) {
        count = store.count(query);
      }
      return count;
    }
  }
}
