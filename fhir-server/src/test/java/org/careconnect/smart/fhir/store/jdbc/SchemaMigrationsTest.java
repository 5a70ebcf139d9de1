package org.careconnect.smart.fhir.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema the server's own Flyway configuration leaves (portable migrations, then the
 * database's own under db/vendor/{vendor}), on H2 here and on MariaDB in the mariadb profile.
 */
@FhirServerIntegrationTest
class SchemaMigrationsTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Autowired Flyway flyway;

  @Test
  void everyMigrationRanIncludingTheVendorOnes() {
    assertThat(Arrays.stream(flyway.info().applied())
            .filter(migration -> migration.getState().isApplied() && !migration.getState().isFailed())
            .map(migration -> migration.getVersion() + " " + migration.getDescription()))
        .containsExactly("1 resource store", "2 audit event", "3 binary collation",
            "4 audit event without client index", "5 identity cache", "6 page cache");
  }

  @Test
  void theAuditTrailKeepsOnlyTheIndexesItsSearchesRead() throws SQLException {
    assertThat(indexesOf("audit_event"))
        .contains("ix_audit_event_recorded", "ix_audit_event_patient", "ix_audit_event_user")
        .doesNotContain("ix_audit_event_client");
  }

  @Test
  void onH2KeysAreReservedAThousandAtATime() throws SQLException {
    if (!isH2()) {
      // MySQL and MariaDB keep AUTO_INCREMENT in memory: their V5 is the no-op of db/vendor/mysql
      assertThat(flyway.info().applied()[4].getScript()).isEqualTo("V5__identity_cache.sql");
      return;
    }
    assertThat(jdbc.queryForList(
            "SELECT table_name || ' ' || identity_cache FROM information_schema.columns"
                + " WHERE is_identity = 'YES' AND table_name IN ('AUDIT_EVENT', 'FHIR_RESOURCE') ORDER BY 1",
            String.class))
        .containsExactly("AUDIT_EVENT 1000", "FHIR_RESOURCE 1000");
  }

  @Test
  void onH2ThePageCacheIsSmallSoThatWrittenPagesDieYoung() throws SQLException {
    if (!isH2()) {
      assertThat(flyway.info().current().getScript()).isEqualTo("V6__page_cache.sql");
      return;
    }
    assertThat(jdbc.queryForObject(
            "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'CACHE_SIZE'", String.class))
        .isEqualTo("4096");
  }

  private boolean isH2() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().equals("H2");
    }
  }

  private Set<String> indexesOf(String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      String name = metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
      try (ResultSet indexes = metadata.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
        while (indexes.next()) {
          String index = indexes.getString("INDEX_NAME");
          if (index != null) {
            names.add(index.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return names;
  }
}
