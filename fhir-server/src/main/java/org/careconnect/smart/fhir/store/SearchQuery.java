package org.careconnect.smart.fhir.store;

import java.util.List;

/**
 * A search as the store sees it: every clause must match (AND); within a clause any value may
 * match (OR). Parameter names are those of the FHIR STU3 search parameters of the type, plus
 * {@code _id} and {@code _lastUpdated}.
 *
 * @param resourceType the FHIR type searched, e.g. {@code Observation}
 * @param clauses the conditions, all of which must hold
 * @param sort the order; empty means the store's stable default (insertion order)
 */
public record SearchQuery(String resourceType, List<SearchClause> clauses, List<SortClause> sort) {

  public SearchQuery {
    clauses = List.copyOf(clauses);
    sort = List.copyOf(sort);
  }

  public static SearchQuery all(String resourceType) {
    return new SearchQuery(resourceType, List.of(), List.of());
  }

  public SearchQuery and(SearchClause clause) {
    var more = new java.util.ArrayList<>(clauses);
    more.add(clause);
    return new SearchQuery(resourceType, more, sort);
  }

  /** One parameter of a search and the values it may take. */
  public record SearchClause(String parameter, SearchParamType type, List<SearchValue> anyOf) {
    public SearchClause {
      anyOf = List.copyOf(anyOf);
    }
  }

  /** Sort by a date parameter (or {@code _lastUpdated}), ascending unless descending. */
  public record SortClause(String parameter, boolean descending) {}
}
