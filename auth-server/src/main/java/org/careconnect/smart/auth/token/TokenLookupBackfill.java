package org.careconnect.smart.auth.token;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V41: indexes the tokens of authorizations stored before V40 created oauth2_token_lookup, so
 * that refresh tokens issued before the upgrade still work. In Java because SHA-256 is spelled
 * differently in H2 (HASH) and MySQL (SHA2); reads the raw columns, as the authorization
 * service writes them (token values as UTF-8 bytes, the consent state as text). A Flyway bean:
 * Spring Boot hands JavaMigration beans to Flyway.
 */
final class TokenLookupBackfill implements JavaMigration {

  private static final String[][] COLUMNS = {
    {"authorization_code_value", "code"},
    {"access_token_value", "access_token"},
    {"refresh_token_value", "refresh_token"},
    {"oidc_id_token_value", "id_token"},
    {"user_code_value", "user_code"},
    {"device_code_value", "device_code"},
  };

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("41");
  }

  @Override
  public String getDescription() {
    return "token lookup backfill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    StringBuilder select = new StringBuilder("SELECT id, state");
    for (String[] column : COLUMNS) {
      select.append(", ").append(column[0]);
    }
    // idempotent: an authorization that has lookup rows is indexed already
    select.append(
        " FROM oauth2_authorization a WHERE NOT EXISTS"
            + " (SELECT 1 FROM oauth2_token_lookup l WHERE l.authorization_id = a.id)");
    try (Statement rows = connection.createStatement();
        ResultSet rs = rows.executeQuery(select.toString());
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO oauth2_token_lookup (token_hash, token_type, authorization_id)"
                    + " VALUES (?, ?, ?)")) {
      while (rs.next()) {
        String id = rs.getString(1);
        add(insert, rs.getString(2), "state", id);
        for (int i = 0; i < COLUMNS.length; i++) {
          byte[] value = rs.getBytes(3 + i);
          add(insert, value == null ? null : new String(value, StandardCharsets.UTF_8), COLUMNS[i][1], id);
        }
      }
      insert.executeBatch();
    }
  }

  private static void add(PreparedStatement insert, String value, String type, String id)
      throws java.sql.SQLException {
    if (value == null || value.isEmpty()) {
      return;
    }
    insert.setString(1, RefreshTokenFamilies.sha256(value));
    insert.setString(2, type);
    insert.setString(3, id);
    insert.addBatch();
  }
}
