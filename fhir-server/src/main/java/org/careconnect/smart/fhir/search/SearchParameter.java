package org.careconnect.smart.fhir.search;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.hl7.fhir.dstu3.model.Base;

/**
 * One FHIR search parameter of a resource type: its name, its type and where its values are.
 *
 * @param name the parameter name as clients send it, e.g. {@code family}
 * @param type how values are matched
 * @param path the elements of a resource that hold the values (nulls and empty elements are skipped)
 * @param targetTypes for references, the resource types the parameter may point to
 */
public record SearchParameter<T>(
    String name,
    SearchParamType type,
    Function<T, Collection<? extends Base>> path,
    Set<String> targetTypes) {}
