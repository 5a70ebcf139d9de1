package org.careconnect.smart.fhir.search;

import java.util.List;
import org.careconnect.smart.fhir.store.SearchQuery;

/**
 * A parsed search: the query the store answers, and the {@code _include}/{@code _revinclude}
 * the server adds to each page. It is plain data so that a paging link can re-run it on any node.
 */
public record SearchRequest(SearchQuery query, List<Include> includes, List<Include> revIncludes) {

  public SearchRequest {
    includes = List.copyOf(includes);
    revIncludes = List.copyOf(revIncludes);
  }

  public static SearchRequest of(SearchQuery query) {
    return new SearchRequest(query, List.of(), List.of());
  }

  /**
   * {@code _include=Source:param[:Target]} or {@code _revinclude=Source:param[:Target]}.
   *
   * @param targetType the target type asked for, or null for any the parameter allows
   */
  public record Include(String sourceType, String parameter, String targetType) {}
}
