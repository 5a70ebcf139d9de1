package org.careconnect.smart.fhir.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * The search parameters of one resource type. Each resource package declares its own by
 * subclassing this (see {@code PatientSearchParameters}); the relational store indexes exactly
 * these, and the provider's {@code @Search} method declares the same names so that HAPI lists them
 * in the CapabilityStatement and refuses any other.
 */
public abstract class ResourceSearchParameters<T extends Resource> {

  /** The parameters every type has, answered from the store's own columns. */
  public static final String ID = "_id";

  public static final String LAST_UPDATED = "_lastUpdated";

  private final Class<T> type;
  private final Map<String, SearchParameter<T>> byName = new LinkedHashMap<>();
  private String patientLink;

  protected ResourceSearchParameters(Class<T> type) {
    this.type = type;
  }

  public Class<T> type() {
    return type;
  }

  public String typeName() {
    return type.getSimpleName();
  }

  public Optional<SearchParameter<T>> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<SearchParameter<T>> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /**
   * The reference parameter that ties a resource of this type to its patient (the Patient
   * compartment, FHIR STU3 CompartmentDefinition "patient"), e.g. {@code subject}; null when the
   * type is not patient data (Practitioner, Organization, ...).
   */
  public String patientLink() {
    return patientLink;
  }

  protected final void patientLink(String parameterName) {
    SearchParameter<T> parameter = byName.get(parameterName);
    if (parameter == null || !parameter.targetTypes().contains("Patient")) {
      throw new IllegalStateException(parameterName + " is no reference to Patient in " + typeName());
    }
    this.patientLink = parameterName;
  }

  protected final void token(String name, Function<T, Collection<? extends Base>> path) {
    add(new SearchParameter<>(name, SearchParamType.TOKEN, path, Set.of()));
  }

  protected final void string(String name, Function<T, Collection<? extends Base>> path) {
    add(new SearchParameter<>(name, SearchParamType.STRING, path, Set.of()));
  }

  protected final void date(String name, Function<T, Collection<? extends Base>> path) {
    add(new SearchParameter<>(name, SearchParamType.DATE, path, Set.of()));
  }

  protected final void reference(
      String name, Function<T, Collection<? extends Base>> path, String... targetTypes) {
    add(
        new SearchParameter<>(
            name,
            SearchParamType.REFERENCE,
            path,
            Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(targetTypes)))));
  }

  private void add(SearchParameter<T> parameter) {
    if (byName.putIfAbsent(parameter.name(), parameter) != null) {
      throw new IllegalStateException(typeName() + " declares " + parameter.name() + " twice");
    }
  }

  /** Elements of a resource as a collection for a path, skipping nulls. */
  @SafeVarargs
  protected static <E extends Base> Collection<E> values(E... elements) {
    return Arrays.stream(elements).filter(e -> e != null && !e.isEmpty()).toList();
  }
}
