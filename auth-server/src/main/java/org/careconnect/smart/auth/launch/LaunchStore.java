package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Registered EHR launches in table {@code smart_launch} (V20), so that any node of the
 * authorisation server can resolve a launch id another node issued.
 */
@Repository
class LaunchStore {

  /** Resolved and expired launches are kept this long after expiry (for audit), then deleted. */
  private static final long RETENTION_DAYS = 1;

  private static final TypeReference<List<Map<String, Object>>> FHIR_CONTEXT =
      new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  LaunchStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void save(EhrLaunch launch, Instant now) {
    jdbc.update(
        "DELETE FROM smart_launch WHERE expires_at < ?",
        now.minus(RETENTION_DAYS, ChronoUnit.DAYS).toEpochMilli());
    jdbc.update(
        "INSERT INTO smart_launch (launch_id, client_id, patient, encounter, user_ref,"
            + " need_patient_banner, smart_style_url, fhir_context, created_at, expires_at,"
            + " simulated_error, skip_login, skip_consent)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        launch.id(),
        launch.clientId(),
        launch.patient(),
        launch.encounter(),
        launch.user(),
        launch.needPatientBanner(),
        launch.smartStyleUrl(),
        launch.fhirContext().isEmpty() ? null : write(launch.fhirContext()),
        now.toEpochMilli(),
        launch.expiresAt().toEpochMilli(),
        launch.demo().simulatedError() == null ? null : launch.demo().simulatedError().value(),
        launch.demo().skipLogin(),
        launch.demo().skipConsent());
  }

  Optional<EhrLaunch> find(String id) {
    return jdbc.query("SELECT * FROM smart_launch WHERE launch_id = ?", this::map, id).stream()
        .findFirst();
  }

  /**
   * Marks the launch used if, at {@code now}, it is still unused, unexpired and bound to {@code
   * clientId}, recording the user it is used by. One statement, so of two concurrent requests
   * exactly one succeeds.
   */
  boolean markUsed(String id, String clientId, String username, Instant now) {
    return jdbc.update(
            "UPDATE smart_launch SET used_at = ?, used_by = ? WHERE launch_id = ? AND client_id = ?"
                + " AND used_at IS NULL AND expires_at > ?",
            now.toEpochMilli(),
            username,
            id,
            clientId,
            now.toEpochMilli())
        == 1;
  }

  /**
   * Records that skip_login signed the launch's user in, if it never did and the launch is still
   * unused and unexpired: one statement, so a launch id signs someone in at most once.
   */
  boolean markSignedIn(String id, String clientId, Instant now) {
    return jdbc.update(
            "UPDATE smart_launch SET signed_in_at = ? WHERE launch_id = ? AND client_id = ?"
                + " AND skip_login = TRUE AND signed_in_at IS NULL AND used_at IS NULL"
                + " AND expires_at > ?",
            now.toEpochMilli(),
            id,
            clientId,
            now.toEpochMilli())
        == 1;
  }

  private EhrLaunch map(ResultSet row, int rowNum) throws SQLException {
    long usedAt = row.getLong("used_at");
    boolean neverUsed = row.wasNull();
    boolean banner = row.getBoolean("need_patient_banner");
    Boolean needPatientBanner = row.wasNull() ? null : banner;
    String fhirContext = row.getString("fhir_context");
    return new EhrLaunch(
        row.getString("launch_id"),
        row.getString("client_id"),
        row.getString("patient"),
        row.getString("encounter"),
        row.getString("user_ref"),
        needPatientBanner,
        row.getString("smart_style_url"),
        fhirContext == null ? List.of() : read(fhirContext),
        Instant.ofEpochMilli(row.getLong("expires_at")),
        neverUsed ? null : Instant.ofEpochMilli(usedAt),
        row.getString("used_by"),
        new DemoLaunchOptions(
            SimulatedError.of(row.getString("simulated_error")).orElse(null),
            row.getBoolean("skip_login"),
            row.getBoolean("skip_consent")));
  }

  private String write(List<Map<String, Object>> fhirContext) {
    try {
      return json.writeValueAsString(fhirContext);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fhirContext cannot be written as JSON", e);
    }
  }

  private List<Map<String, Object>> read(String fhirContext) {
    try {
      return json.readValue(fhirContext, FHIR_CONTEXT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("smart_launch.fhir_context is not a JSON array", e);
    }
  }
}
