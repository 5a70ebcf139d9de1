package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.careconnect.smart.auth.key.SigningKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signing keys as the admin sees them (kid, created, retired; never a key), and rotation now
 * through {@link SigningKeys#rotate()}, which keeps the retired key in the JWKS until its tokens
 * have expired.
 */
class KeyInventory {

  /** @param retiredAt null for the key that signs now */
  record KeyView(
      String kid,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("retired_at") Instant retiredAt,
      boolean signing) {}

  private final JdbcTemplate jdbc;
  private final SigningKeys keys;

  KeyInventory(JdbcTemplate jdbc, SigningKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  List<KeyView> list() {
    return jdbc.query(
        "SELECT kid, created_at, retired_at FROM signing_key ORDER BY created_at DESC",
        (rs, i) -> {
          long retired = rs.getLong("retired_at");
          boolean signing = rs.wasNull();
          return new KeyView(
              rs.getString("kid"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              signing ? null : Instant.ofEpochMilli(retired),
              signing);
        });
  }

  /** The new signer's kid. */
  String rotate() {
    return keys.rotate();
  }
}
