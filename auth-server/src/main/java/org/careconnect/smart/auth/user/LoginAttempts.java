package org.careconnect.smart.auth.user;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failed logins per username and client address: after maxFailures failures within the lockout
 * window that pair is refused for the lockout duration, without checking the password (so a
 * guesser also cannot burn CPU on password hashing). Keyed by username and address, so an
 * attacker elsewhere cannot lock the real user out. Counted in table {@code login_failure} (V51),
 * so every node of a cluster enforces the same limit: with counters per node a guesser behind a
 * round-robin load balancer would get maxFailures tries on each node.
 */
final class LoginAttempts {

  /** Longer names cannot be users (users.username is varchar(100)); they are counted truncated. */
  private static final int MAX_USERNAME = 100;

  private static final int MAX_ADDRESS = 64;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  LoginAttempts(JdbcTemplate jdbc, Clock clock, int maxFailures, Duration lockout) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  boolean isLocked(String username, String address) {
    List<Integer> failures =
        jdbc.queryForList(
            "SELECT failures FROM login_failure WHERE username = ? AND address = ? AND last_failure > ?",
            Integer.class,
            user(username),
            address(address),
            windowStart());
    return !failures.isEmpty() && failures.get(0) >= maxFailures;
  }

  /**
   * One more failure; a count whose last failure is outside the window starts again at 1. An
   * UPDATE first (the common case once a guesser is at work), an INSERT when there is no row; of
   * two nodes inserting at once the loser retries the UPDATE, so no failure is lost.
   */
  void failed(String username, String address) {
    long now = clock.millis();
    if (increment(username, address, now) == 0) {
      try {
        jdbc.update(
            "INSERT INTO login_failure (username, address, failures, last_failure) VALUES (?, ?, 1, ?)",
            user(username),
            address(address),
            now);
      } catch (DuplicateKeyException concurrentInsert) {
        increment(username, address, now);
      }
      // Rare (first failure of a pair): forget pairs whose window has long passed.
      jdbc.update("DELETE FROM login_failure WHERE last_failure <= ?", windowStart());
    }
  }

  void succeeded(String username, String address) {
    jdbc.update(
        "DELETE FROM login_failure WHERE username = ? AND address = ?", user(username), address(address));
  }

  private int increment(String username, String address, long now) {
    return jdbc.update(
        "UPDATE login_failure SET failures = CASE WHEN last_failure > ? THEN failures + 1 ELSE 1 END,"
            + " last_failure = ? WHERE username = ? AND address = ?",
        windowStart(),
        now,
        user(username),
        address(address));
  }

  private long windowStart() {
    return clock.millis() - lockout.toMillis();
  }

  private static String user(String username) {
    return username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
  }

  private static String address(String address) {
    return address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
  }
}
