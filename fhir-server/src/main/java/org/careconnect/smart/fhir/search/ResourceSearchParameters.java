package org.careconnect.smart.fhir.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;

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

  /**
   * The value of a choice element ({@code effective[x]}, {@code onset[x]}, ...) when it is of one
   * of the given types, else nothing: FHIRPath's {@code as(type)}, which the STU3 search
   * parameter expressions use, e.g. {@code MedicationRequest.medication.as(CodeableConcept)}.
   */
  protected static Collection<Base> choice(Type value, Class<?>... types) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(types).anyMatch(t -> t == value.getClass()) ? List.of(value) : List.of();
  }

  /** {@code X.name.family}. */
  protected static Collection<StringType> families(List<HumanName> names) {
    return names.stream().filter(HumanName::hasFamily).map(HumanName::getFamilyElement).toList();
  }

  /** {@code X.name.given}. */
  protected static Collection<StringType> givens(List<HumanName> names) {
    return names.stream().flatMap(n -> n.getGiven().stream()).toList();
  }

  /** {@code X.address.city}. */
  protected static Collection<StringType> cities(List<Address> addresses) {
    return addresses.stream().filter(Address::hasCity).map(Address::getCityElement).toList();
  }

  /** {@code X.address.postalCode}. */
  protected static Collection<StringType> postalCodes(List<Address> addresses) {
    return addresses.stream().filter(Address::hasPostalCode).map(Address::getPostalCodeElement).toList();
  }

  /** {@code X.telecom.where(system='email')} and the like (the STU3 email and phone parameters). */
  protected static Collection<ContactPoint> telecoms(
      List<ContactPoint> telecoms, ContactPoint.ContactPointSystem system) {
    return telecoms.stream().filter(t -> t.getSystem() == system).toList();
  }
}
