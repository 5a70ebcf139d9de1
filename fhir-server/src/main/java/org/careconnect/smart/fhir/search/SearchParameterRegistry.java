package org.careconnect.smart.fhir.search;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The search parameters of every resource type the server serves. */
@Component
public class SearchParameterRegistry {

  private final Map<String, ResourceSearchParameters<?>> byType = new LinkedHashMap<>();

  public SearchParameterRegistry(List<ResourceSearchParameters<?>> all) {
    all.forEach(parameters -> byType.put(parameters.typeName(), parameters));
  }

  /** The parameters of a type; an unknown type is a 400. */
  public ResourceSearchParameters<?> of(String typeName) {
    ResourceSearchParameters<?> parameters = byType.get(typeName);
    if (parameters == null) {
      throw new InvalidRequestException("Unknown or unsupported resource type '" + typeName + "'");
    }
    return parameters;
  }

  public boolean knows(String typeName) {
    return byType.containsKey(typeName);
  }

  public Collection<ResourceSearchParameters<?>> all() {
    return byType.values();
  }
}
