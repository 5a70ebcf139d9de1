package org.careconnect.smart.fhir.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.IndexValues;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.careconnect.smart.fhir.search.SearchParameter;
import org.careconnect.smart.fhir.store.SearchValue;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes the search index rows of one resource version, replacing those of the previous one. */
final class JdbcIndexWriter<T extends Resource> {

  /** Index columns are VARCHAR(255); longer values are indexed by their first 255 characters. */
  private static final int MAX = 255;

  private final JdbcTemplate jdbc;
  private final ResourceSearchParameters<T> parameters;

  JdbcIndexWriter(JdbcTemplate jdbc, ResourceSearchParameters<T> parameters) {
    this.jdbc = jdbc;
    this.parameters = parameters;
  }

  void replace(long pk, T resource, boolean isNew) {
    if (!isNew) {
      delete(pk);
    }
    if (resource == null) {
      return;
    }
    String type = parameters.typeName();
    List<Object[]> tokens = new ArrayList<>();
    List<Object[]> strings = new ArrayList<>();
    List<Object[]> dates = new ArrayList<>();
    List<Object[]> references = new ArrayList<>();
    for (SearchParameter<T> parameter : parameters.all()) {
      for (Base element : parameter.path().apply(resource)) {
        if (element == null) {
          continue;
        }
        String name = parameter.name();
        switch (parameter.type()) {
          case TOKEN -> {
            for (SearchValue.Token token : IndexValues.tokens(element)) {
              tokens.add(new Object[] {pk, type, name, truncateOrNull(token.system()), truncate(token.code())});
            }
          }
          case STRING -> {
            for (String value : IndexValues.strings(element)) {
              strings.add(new Object[] {pk, type, name, truncate(IndexValues.normalize(value)), truncate(value)});
            }
          }
          case DATE -> {
            long[] range = IndexValues.dateRange(element);
            if (range != null) {
              dates.add(new Object[] {pk, type, name, range[0], range[1]});
            }
          }
          case REFERENCE -> {
            SearchValue.Ref ref = IndexValues.reference(element);
            if (ref != null && parameter.targetTypes().contains(ref.type())) {
              references.add(new Object[] {pk, type, name, ref.type(), truncate(ref.id())});
            }
          }
        }
      }
    }
    insert("INSERT INTO idx_token (res_pk, res_type, param, sys, code) VALUES (?, ?, ?, ?, ?)", tokens);
    insert("INSERT INTO idx_string (res_pk, res_type, param, norm, exact) VALUES (?, ?, ?, ?, ?)", strings);
    insert("INSERT INTO idx_date (res_pk, res_type, param, low_ms, high_ms) VALUES (?, ?, ?, ?, ?)", dates);
    insert(
        "INSERT INTO idx_reference (res_pk, res_type, param, target_type, target_id) VALUES (?, ?, ?, ?, ?)",
        references);
  }

  private void delete(long pk) {
    for (String table : List.of("idx_token", "idx_string", "idx_date", "idx_reference")) {
      jdbc.update("DELETE FROM " + table + " WHERE res_pk = ?", pk);
    }
  }

  private void insert(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
    }
  }

  static String truncate(String value) {
    return value.length() <= MAX ? value : value.substring(0, MAX);
  }

  private static String truncateOrNull(String value) {
    return value == null ? null : truncate(value);
  }
}
