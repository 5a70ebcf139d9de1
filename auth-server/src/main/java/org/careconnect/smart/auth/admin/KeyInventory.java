package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.key.SigningKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signing keys as the admin sees them (kid, algorithm, created, retired; never a key), and
 * rotation now through {@link SigningKeys#rotate()}, which keeps the retired keys in the JWKS until
 * their tokens have expired.
 */
class KeyInventory {

  /**
   * @param alg what the key signs with: ES256 (access tokens) or RS256 (ID tokens)
   * @param retiredAt null for the keys that sign now
   */
  record KeyView(
      String kid,
      String alg,
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
        "SELECT kid, public_key, created_at, retired_at FROM signing_key ORDER BY created_at DESC, kid",
        (rs, i) -> {
          long retired = rs.getLong("retired_at");
          boolean signing = rs.wasNull();
          return new KeyView(
              rs.getString("kid"),
              algorithm(rs.getString("public_key")),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              signing ? null : Instant.ofEpochMilli(retired),
              signing);
        });
  }

  /** The new signers' kids by algorithm. */
  Map<String, String> rotate() {
    return keys.rotate();
  }

  private static String algorithm(String publicJwk) {
    try {
      return String.valueOf(JWK.parse(publicJwk).getAlgorithm());
    } catch (ParseException e) {
      throw new IllegalStateException("Stored public key is not a JWK", e);
    }
  }
}
