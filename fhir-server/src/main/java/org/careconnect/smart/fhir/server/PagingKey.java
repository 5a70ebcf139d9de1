package org.careconnect.smart.fhir.server;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret that signs paging links, made once per database with a strong random generator and
 * kept in it, so that every node and every restart agree on it. Never configured by hand, so
 * there is no default secret to forget to change.
 */
@Component
class PagingKey {

  private final byte[] secret;

  PagingKey(JdbcTemplate jdbc) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try {
      jdbc.update("INSERT INTO paging_key (id, secret) VALUES (1, ?)",
          Base64.getEncoder().encodeToString(fresh));
    } catch (DuplicateKeyException alreadyMade) {
      // another node, or an earlier start, made it: use theirs
    }
    List<String> stored = jdbc.queryForList("SELECT secret FROM paging_key WHERE id = 1", String.class);
    this.secret = Base64.getDecoder().decode(stored.get(0));
  }

  byte[] secret() {
    return secret.clone();
  }
}
