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

  @Test
  void aPrefixSearchIsARangeOfTheIndexNotALikeWhichH2WouldParseOnEveryRun() {
    SearchSql sql = new SearchSql(new SearchQuery("Patient", List.of(family("Smi")), List.of()));

    assertThat(sql.pageSql()).contains("s.norm >= ? AND s.norm < ?").doesNotContain("LIKE");
    assertThat(sql.countArgs()).containsExactly("Patient", "family", "smi", "smj");
  }

  @Test
  void theRangeEndsJustAfterEveryStringWithThePrefix() {
    assertThat(SearchSql.prefixEnd("smith")).isEqualTo("smiti");
    assertThat(SearchSql.prefixEnd("o'br")).isEqualTo("o'bs");
    assertThat(SearchSql.prefixEnd("z")).isEqualTo("{");
    // "smith" and every longer string starting with it fall inside; the next name outside
    assertThat("smith".compareTo(SearchSql.prefixEnd("smith"))).isNegative();
    assertThat("smith\uFFFF\uD83D\uDE00".compareTo(SearchSql.prefixEnd("smith"))).isNegative();
    assertThat("smiti".compareTo(SearchSql.prefixEnd("smith"))).isZero();
  }

  @Test
  void likeStaysWhereARangeCouldMatchOtherRows() {
    // MySQL's binary collation ignores trailing spaces; surrogates order differently in H2 and MySQL
    assertThat(SearchSql.prefixEnd("")).isNull();
    assertThat(SearchSql.prefixEnd("van ")).isNull();
    assertThat(SearchSql.prefixEnd("a\uD83D")).isNull();
    assertThat(SearchSql.prefixEnd("a\uFFFF")).isNull();

    SearchSql sql = new SearchSql(new SearchQuery("Patient", List.of(family("50%_a\uD83D")), List.of()));
    assertThat(sql.pageSql()).contains("s.norm LIKE ? ESCAPE '!'");
    assertThat(sql.countArgs()).containsExactly("Patient", "family", "50!%!_a\uD83D%");
  }

  private static SearchClause family(String value) {
    return new SearchClause("family", SearchParamType.STRING,
        List.of(new SearchValue.Text(value, SearchValue.Text.Match.STARTS_WITH)));
  }
}
