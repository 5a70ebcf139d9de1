package org.careconnect.smart.auth.key;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The signing_key table: one row per key; the active ones (one per family) have no retired_at. */
final class SigningKeyStore {

  /** A stored key; privateKey is as stored (see {@link PrivateKeyCipher}). */
  record StoredKey(
      String kid,
      String publicKey,
      String privateKey,
      String encryption,
      Instant createdAt,
      Instant retiredAt) {}

  private static final RowMapper<StoredKey> ROW =
      (rs, i) -> {
        long retired = rs.getLong("retired_at");
        return new StoredKey(
            rs.getString("kid"),
            rs.getString("public_key"),
            rs.getString("private_key"),
            rs.getString("private_key_encryption"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            rs.wasNull() ? null : Instant.ofEpochMilli(retired));
      };

  private final JdbcTemplate jdbc;

  SigningKeyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first. */
  List<StoredKey> active() {
    return jdbc.query(
        "SELECT * FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC", ROW);
  }

  /** Keys whose signatures may still be on unexpired tokens: active, or retired after cutoff. */
  List<StoredKey> publishedSince(Instant cutoff) {
    return jdbc.query(
        "SELECT * FROM signing_key WHERE retired_at IS NULL OR retired_at > ?"
            + " ORDER BY created_at DESC",
        ROW,
        cutoff.toEpochMilli());
  }

  void insert(StoredKey key) {
    jdbc.update(
        "INSERT INTO signing_key (kid, public_key, private_key, private_key_encryption,"
            + " created_at, retired_at) VALUES (?, ?, ?, ?, ?, NULL)",
        key.kid(),
        key.publicKey(),
        key.privateKey(),
        key.encryption(),
        key.createdAt().toEpochMilli());
  }

  void retireAllExcept(Collection<String> kids, Instant at) {
    jdbc.update(
        "UPDATE signing_key SET retired_at = ? WHERE retired_at IS NULL AND kid NOT IN ("
            + String.join(", ", Collections.nCopies(kids.size(), "?")) + ")",
        Stream.concat(Stream.of(at.toEpochMilli()), kids.stream()).toArray());
  }

  int deleteRetiredBefore(Instant cutoff) {
    return jdbc.update(
        "DELETE FROM signing_key WHERE retired_at IS NOT NULL AND retired_at <= ?",
        cutoff.toEpochMilli());
  }
}
