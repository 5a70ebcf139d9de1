package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.careconnect.smart.fhir.search.IndexValues;
import org.careconnect.smart.fhir.search.SearchParameter;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.search.SearchRequest;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.SearchValue;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Adds the resources that {@code _include} and {@code _revinclude} ask for to one page of
 * matches (FHIR STU3 §3.1.1.5.4). Through the store seam only, so it works for any store.
 */
@Component
class IncludeResolver {

  /** At most this many resources are added by one {@code _revinclude}, so a page stays bounded. */
  static final int MAX_REVINCLUDES = 1000;

  private final SearchParameterRegistry registry;
  private final ResourceStores stores;

  IncludeResolver(SearchParameterRegistry registry, ResourceStores stores) {
    this.registry = registry;
    this.stores = stores;
  }

  List<IBaseResource> resolve(SearchRequest request, List<IBaseResource> matches) {
    if (matches.isEmpty() || (request.includes().isEmpty() && request.revIncludes().isEmpty())) {
      return List.of();
    }
    Map<String, IBaseResource> added = new LinkedHashMap<>();
    List<String> matchIds = matches.stream().map(IncludeResolver::key).toList();
    for (SearchRequest.Include include : request.includes()) {
      for (IBaseResource match : matches) {
        for (Base element : pathOf(include).apply(match)) {
          SearchValue.Ref ref = IndexValues.reference(element);
          if (ref == null || !stores.serves(ref.type())
              || (include.targetType() != null && !include.targetType().equals(ref.type()))) {
            continue;
          }
          String key = ref.type() + "/" + ref.id();
          if (!added.containsKey(key) && !matchIds.contains(key)) {
            readIfPresent(ref).ifPresent(found -> added.put(key, found));
          }
        }
      }
    }
    String searchedType = request.query().resourceType();
    for (SearchRequest.Include revInclude : request.revIncludes()) {
      List<SearchValue> targets = new ArrayList<>();
      matches.forEach(m -> targets.add(new SearchValue.Ref(searchedType, m.getIdElement().getIdPart())));
      SearchQuery query =
          SearchQuery.all(revInclude.sourceType())
              .and(new SearchQuery.SearchClause(revInclude.parameter(), SearchParamType.REFERENCE, targets));
      for (IBaseResource found : stores.forTypeName(revInclude.sourceType()).search(query, 0, MAX_REVINCLUDES)) {
        // A resource that is itself a match is listed once, as a match (e.g. Organization:partof).
        if (!matchIds.contains(key(found))) {
          added.putIfAbsent(key(found), found);
        }
      }
    }
    return new ArrayList<>(added.values());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Function<IBaseResource, Collection<? extends Base>> pathOf(SearchRequest.Include include) {
    SearchParameter<?> parameter = registry.of(include.sourceType()).get(include.parameter()).orElseThrow();
    return (Function) parameter.path();
  }

  private java.util.Optional<IBaseResource> readIfPresent(SearchValue.Ref ref) {
    try {
      return java.util.Optional.of(stores.forTypeName(ref.type()).read(ref.id()));
    } catch (BaseServerResponseException e) {
      // A dangling or deleted reference is not an error of the search: the include is just absent.
      return java.util.Optional.empty();
    }
  }

  private static String key(IBaseResource resource) {
    return resource.getIdElement().getResourceType() + "/" + resource.getIdElement().getIdPart();
  }
}
