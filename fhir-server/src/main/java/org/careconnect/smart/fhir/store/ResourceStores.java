package org.careconnect.smart.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The store of each resource type the server serves, looked up by FHIR type name or class. */
public final class ResourceStores {

  private final Map<String, ResourceStore<?>> byTypeName = new LinkedHashMap<>();

  public ResourceStores(Collection<ResourceStore<?>> stores) {
    for (ResourceStore<?> store : stores) {
      byTypeName.put(store.resourceType().getSimpleName(), store);
    }
  }

  @SuppressWarnings("unchecked")
  public <T extends IBaseResource> ResourceStore<T> forType(Class<T> type) {
    return (ResourceStore<T>) forTypeName(type.getSimpleName());
  }

  /** The store of a type; an unknown type is the client's mistake, so a 400. */
  public ResourceStore<?> forTypeName(String typeName) {
    ResourceStore<?> store = byTypeName.get(typeName);
    if (store == null) {
      throw new InvalidRequestException("Unknown or unsupported resource type '" + typeName + "'");
    }
    return store;
  }

  public boolean serves(String typeName) {
    return byTypeName.containsKey(typeName);
  }

  public Collection<String> typeNames() {
    return byTypeName.keySet();
  }
}
