package org.careconnect.smart.fhir.server;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.careconnect.smart.fhir.search.SearchRequest;
import org.careconnect.smart.fhir.store.HistoryQuery;

/**
 * What a result set is, as plain data: a paging link stores this and re-runs it, so any server
 * node can serve any page and nothing about the result is held in memory.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({
  @JsonSubTypes.Type(PagedResult.Search.class),
  @JsonSubTypes.Type(PagedResult.History.class),
  @JsonSubTypes.Type(PagedResult.Everything.class)
})
public sealed interface PagedResult {

  /** The resource type the result is about (for a system-wide result, null). */
  String resourceType();

  record Search(SearchRequest request) implements PagedResult {
    @Override
    public String resourceType() {
      return request.query().resourceType();
    }
  }

  record History(String resourceType, HistoryQuery query) implements PagedResult {}

  /** {@code Patient/[id]/$everything}: the patient and every resource in its compartment. */
  record Everything(String patientId) implements PagedResult {
    @Override
    public String resourceType() {
      return "Patient";
    }
  }
}
