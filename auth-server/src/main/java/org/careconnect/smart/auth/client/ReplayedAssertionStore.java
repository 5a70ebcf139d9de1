package org.careconnect.smart.auth.client;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Spent client-assertion ids. RFC 7523 §3 lets the server keep a {@code jti} until the assertion
 * expires and refuse it again; SMART 2.2 §backend services requires it. The ids are in the
 * database, so a replay is refused by every node of a cluster, not only the one that saw the
 * first use. The primary key decides atomically which of two concurrent uses is first.
 */
class ReplayedAssertionStore {

  private static final Logger log = LoggerFactory.getLogger(ReplayedAssertionStore.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ReplayedAssertionStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records {@code jti} for {@code clientId} until {@code keepUntil}; false when it was already
   * recorded (a replay).
   */
  boolean firstUse(String clientId, String jti, Instant keepUntil) {
    try {
      jdbc.update(
          "INSERT INTO client_assertion_jti (client_id, jti, expires_at) VALUES (?, ?, ?)",
          clientId,
          jti,
          keepUntil.getEpochSecond());
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    } catch (PessimisticLockingFailureException e) {
      // The same id is being recorded by a request whose transaction is still open (the token
      // request's, see token/TokenRequestTransaction), and it outlasted the lock wait: that
      // request used it first.
      return false;
    }
  }

  /** Deletes ids whose assertions have expired: they can no longer be replayed anyway. */
  @Scheduled(
      fixedDelayString = "${careconnect.clients.assertion.replay-purge-interval}",
      initialDelayString = "${careconnect.clients.assertion.replay-purge-interval}")
  void purgeExpired() {
    int purged =
        jdbc.update(
            "DELETE FROM client_assertion_jti WHERE expires_at < ?", clock.instant().getEpochSecond());
    if (purged > 0) {
      log.debug("Purged {} expired client assertion ids", purged);
    }
  }
}
