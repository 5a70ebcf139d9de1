package org.careconnect.smart.fhir.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.store.SearchQuery.SearchClause;
import org.careconnect.smart.fhir.store.SearchValue;
import org.junit.jupiter.api.Test;

/** The most selective clause drives the SQL; the others only filter its rows. */
class SearchSqlTest {

  private static final SearchClause CATEGORY =
      new SearchClause("category", SearchParamType.TOKEN, List.of(new SearchValue.Token(null, "vital-signs")));
  private static final SearchClause PATIENT =
      new SearchClause("patient", SearchParamType.REFERENCE, List.of(new SearchValue.Ref("Patient", "p1")));

  @Test
  void referenceDrivesAndCategoryFiltersWhateverTheirOrder() {
    SearchQuery categoryFirst = new SearchQuery("Observation", List.of(CATEGORY, PATIENT), List.of());

    String sql = new SearchSql(categoryFirst).pageSql();

    assertThat(sql).contains("r.pk IN (SELECT x.res_pk FROM idx_reference x");
    assertThat(sql).contains("EXISTS (SELECT 1 FROM idx_token t WHERE t.res_pk = r.pk");
    assertThat(sql).doesNotContain("r.pk IN (SELECT t.res_pk");
  }

  @Test
  void argumentsFollowTheOrderOfThePlaceholders() {
    SearchSql sql = new SearchSql(new SearchQuery("Observation", List.of(CATEGORY, PATIENT), List.of()));

    assertThat(sql.countArgs()).containsExactly("Observation", "category", "vital-signs",
        "Observation", "patient", "p1", "Patient");
    assertThat(sql.countSql().chars().filter(c -> c == '?').count()).isEqualTo(sql.countArgs().length);
  }

  @Test
  void aSoleIndexClauseIsCountedFromTheIndexAloneAndOncePerResource() {
    SearchSql sql = new SearchSql(new SearchQuery("Observation", List.of(CATEGORY), List.of()));

    assertThat(sql.countSql()).isEqualTo("SELECT COUNT(DISTINCT t.res_pk) FROM idx_token t"
        + " WHERE t.res_type = ? AND t.param = ? AND ((t.code = ?))");
    assertThat(sql.countArgs()).containsExactly("Observation", "category", "vital-signs");
    assertThat(new SearchSql(new SearchQuery("Observation", List.of(CATEGORY, PATIENT), List.of())).countSql())
        .startsWith("SELECT COUNT(*) FROM fhir_resource r");
  }
}
