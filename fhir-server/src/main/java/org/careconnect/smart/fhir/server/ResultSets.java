package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.SearchRequest;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/** Opens the result set a {@link PagedResult} describes. */
@Component
public class ResultSets {

  private final ResourceStores stores;
  private final IncludeResolver includes;
  private final PatientEverything everything;

  ResultSets(ResourceStores stores, IncludeResolver includes, PatientEverything everything) {
    this.stores = stores;
    this.includes = includes;
    this.everything = everything;
  }

  public IBundleProvider open(PagedResult result) {
    if (result instanceof PagedResult.Search search) {
      return search(search);
    }
    if (result instanceof PagedResult.History history) {
      return history(history);
    }
    return everything.open((PagedResult.Everything) result);
  }

  private IBundleProvider search(PagedResult.Search definition) {
    SearchRequest request = definition.request();
    ResourceStore<?> store = stores.forTypeName(request.query().resourceType());
    return new PagedBundleProvider(definition) {
      @Override
      protected int count() {
        return store.count(request.query());
      }

      @Override
      public List<IBaseResource> getResources(int from, int to) {
        List<IBaseResource> page = new ArrayList<>(store.search(request.query(), from, to - from));
        page.forEach(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH));
        List<IBaseResource> included = includes.resolve(request, page);
        included.forEach(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.INCLUDE));
        page.addAll(included);
        return page;
      }
    };
  }

  private IBundleProvider history(PagedResult.History definition) {
    ResourceStore<?> store = stores.forTypeName(definition.resourceType());
    return new PagedBundleProvider(definition) {
      @Override
      protected int count() {
        return store.countHistory(definition.query());
      }

      @Override
      public List<IBaseResource> getResources(int from, int to) {
        return new ArrayList<>(store.history(definition.query(), from, to - from));
      }
    };
  }
}
