package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Paging links ({@code _getpages}) backed by the database: the first page stores what the result
 * set is, later pages re-run it at their offset. Page ids are random and unguessable, and expire.
 */
@Component
class SearchSessionPagingProvider implements IPagingProvider {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ResultSets resultSets;
  private final FhirServerProperties properties;
  private final Clock clock;

  SearchSessionPagingProvider(
      JdbcTemplate jdbc,
      ObjectMapper json,
      ResultSets resultSets,
      FhirServerProperties properties,
      Clock storeClock) {
    this.jdbc = jdbc;
    this.json = json;
    this.resultSets = resultSets;
    this.properties = properties;
    this.clock = storeClock;
  }

  @Override
  public int getDefaultPageSize() {
    return properties.defaultPageSize();
  }

  @Override
  public int getMaximumPageSize() {
    return properties.maxPageSize();
  }

  @Override
  public String storeResultList(RequestDetails request, IBundleProvider result) {
    if (!(result instanceof PagedBundleProvider paged)) {
      return null;
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      jdbc.update(
          "INSERT INTO search_session (id, res_type, query_json, created) VALUES (?, ?, ?, ?)",
          id,
          String.valueOf(paged.definition().resourceType()),
          json.writeValueAsString(paged.definition()),
          clock.millis());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A result set could not be written as JSON", e);
    }
    return id;
  }

  @Override
  public IBundleProvider retrieveResultList(RequestDetails request, String id) {
    long oldest = clock.millis() - properties.searchSessionTtlMinutes() * 60_000L;
    List<String> found =
        jdbc.queryForList(
            "SELECT query_json FROM search_session WHERE id = ? AND created >= ?",
            String.class,
            id,
            oldest);
    if (found.isEmpty()) {
      throw new ResourceGoneException(
          "The search page '" + id + "' has expired or never existed; run the search again");
    }
    try {
      return resultSets.open(json.readValue(found.get(0), PagedResult.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored result set could not be read", e);
    }
  }

  /** Drops expired paging sessions so the table stays small. */
  @Scheduled(fixedDelayString = "PT10M")
  void expireSessions() {
    long oldest = clock.millis() - properties.searchSessionTtlMinutes() * 60_000L;
    jdbc.update("DELETE FROM search_session WHERE created < ?", oldest);
  }
}
