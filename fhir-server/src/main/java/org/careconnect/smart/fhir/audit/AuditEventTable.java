package org.careconnect.smart.fhir.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code audit_event} table: batched inserts and the reads behind AuditEvent. */
final class AuditEventTable {

  private static final String COLUMNS = "recorded, interaction, operation, res_type, res_id, status, outcome,"
      + " client_id, subject, fhir_user, patient, token_id, request_id, client_address, method, query";

  /** Column widths (V2__audit_event.sql): longer values (an id in a hostile URL) are cut, never refused. */
  private static final int[] LENGTHS = {0, 20, 64, 64, 64, 0, 1, 255, 255, 255, 64, 255, 64, 64, 8, 2000};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  AuditEventTable(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** One transaction, so one commit (one fsync) for the whole batch. */
  void insert(List<AuditRecord> batch) {
    transactions.executeWithoutResult(status -> jdbc.batchUpdate(
        "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch, batch.size(), AuditEventTable::bind));
  }

  Optional<StoredAuditRecord> read(long pk) {
    return jdbc.query("SELECT pk, " + COLUMNS + " FROM audit_event WHERE pk = ?", ROW, pk).stream().findFirst();
  }

  /** The page the query asks for, newest first, and the total of matches. */
  Page search(AuditQuery query) {
    List<Object> args = new ArrayList<>();
    String where = where(query, args);
    Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where, Integer.class, args.toArray());
    args.add(query.count());
    args.add(query.offset());
    List<StoredAuditRecord> records = jdbc.query(
        "SELECT pk, " + COLUMNS + " FROM audit_event" + where + " ORDER BY recorded DESC, pk DESC LIMIT ? OFFSET ?",
        ROW, args.toArray());
    return new Page(records, total == null ? 0 : total);
  }

  record Page(List<StoredAuditRecord> records, int total) {}

  /** A stored record and its key, which is the AuditEvent's id. */
  record StoredAuditRecord(long pk, AuditRecord record) {}

  private static String where(AuditQuery query, List<Object> args) {
    List<String> clauses = new ArrayList<>();
    add(clauses, args, "recorded >= ?", query.fromMillis());
    add(clauses, args, "recorded <= ?", query.toMillis());
    add(clauses, args, "patient = ?", query.patient());
    add(clauses, args, "fhir_user = ?", query.fhirUser());
    add(clauses, args, "operation = ?", query.operation());
    add(clauses, args, "outcome = ?", query.outcome());
    if (query.user() != null) {
      clauses.add("(subject = ? OR client_id = ?)");
      args.add(query.user());
      args.add(query.user());
    }
    if (query.entityId() != null) {
      // the resource the request named, or (a Patient) the patient whose data it touched
      String patientClause = query.entityType() == null || query.entityType().equals("Patient") ? " OR patient = ?" : "";
      String typeClause = query.entityType() == null ? "" : "res_type = ? AND ";
      clauses.add("((" + typeClause + "res_id = ?)" + patientClause + ")");
      if (query.entityType() != null) {
        args.add(query.entityType());
      }
      args.add(query.entityId());
      if (!patientClause.isEmpty()) {
        args.add(query.entityId());
      }
    }
    if (query.interactions() != null) {
      clauses.add(query.interactions().isEmpty()
          ? "1 = 0"
          : "interaction IN (" + String.join(", ", query.interactions().stream().map(i -> "?").toList()) + ")");
      args.addAll(query.interactions());
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private static void add(List<String> clauses, List<Object> args, String clause, Object value) {
    if (value != null) {
      clauses.add(clause);
      args.add(value);
    }
  }

  private static void bind(PreparedStatement statement, AuditRecord r) throws SQLException {
    Object[] values = {r.recorded(), r.interaction(), r.operation(), r.resourceType(), r.resourceId(), r.status(),
        r.outcome(), r.clientId(), r.subject(), r.fhirUser(), r.patient(), r.tokenId(), r.requestId(),
        r.clientAddress(), r.method(), r.query()};
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value instanceof String text && text.length() > LENGTHS[i]) {
        value = text.substring(0, LENGTHS[i]);
      }
      statement.setObject(i + 1, value);
    }
  }

  private static final RowMapper<StoredAuditRecord> ROW = (ResultSet rs, int row) -> new StoredAuditRecord(
      rs.getLong("pk"),
      new AuditRecord(
          rs.getLong("recorded"),
          rs.getString("interaction"),
          rs.getString("operation"),
          rs.getString("res_type"),
          rs.getString("res_id"),
          rs.getInt("status"),
          rs.getString("client_id"),
          rs.getString("subject"),
          rs.getString("fhir_user"),
          rs.getString("patient"),
          rs.getString("token_id"),
          rs.getString("request_id"),
          rs.getString("client_address"),
          rs.getString("method"),
          rs.getString("query")));
}
