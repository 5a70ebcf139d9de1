package org.careconnect.smart.service.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The MariaDB server of the build's MariaDB suites ({@code scripts/test.sh} starts it and runs
 * Maven with {@code -Pmariadb}, whose test executions set {@value #SERVER_PROPERTY}). Each call
 * of {@link #freshDatabaseUrl} creates an empty utf8mb4_bin database named {@code ccs_...}:
 * the test user may create databases with that prefix only.
 */
public final class MariaDbTestDatabase {

  /** {@code jdbc:mysql://127.0.0.1:PORT/}: set only in the MariaDB test executions. */
  public static final String SERVER_PROPERTY = "careconnect.test.mariadb.url";
  public static final String USERNAME = "careconnect";
  public static final String PASSWORD = "careconnect";

  private MariaDbTestDatabase() {}

  /** Whether this test JVM runs against MariaDB rather than H2. */
  public static boolean enabled() {
    return System.getProperty(SERVER_PROPERTY) != null;
  }

  /** Creates an empty database and returns its JDBC URL; fails when MariaDB is unreachable. */
  public static String freshDatabaseUrl(String purpose) {
    String server = System.getProperty(SERVER_PROPERTY);
    if (server == null) {
      throw new IllegalStateException(SERVER_PROPERTY + " is not set: no MariaDB for this test");
    }
    return freshDatabaseUrl(server, purpose);
  }

  /** The same on another server ({@code jdbc:mysql://127.0.0.1:PORT/}, see MariaDbServer). */
  public static String freshDatabaseUrl(String server, String purpose) {
    String name = "ccs_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(server, USERNAME, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + server, e);
    }
    return server + name;
  }
}
