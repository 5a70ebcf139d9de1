package org.careconnect.smart.auth.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per username and client address: after maxFailures failures within the lockout
 * window that pair is refused for the lockout duration, without checking the password (so a
 * guesser also cannot burn CPU on password hashing). Keyed by username and address, so an
 * attacker elsewhere cannot lock the real user out. Held per node, in memory.
 */
final class LoginAttempts {

  private record Failures(int count, Instant lastFailure) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  LoginAttempts(Clock clock, int maxFailures, Duration lockout) {
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  boolean isLocked(String username, String address) {
    Failures f = failures.get(key(username, address));
    return f != null && f.count() >= maxFailures && !expired(f);
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    failures.compute(
        key(username, address),
        (k, f) -> f == null || expired(f) ? new Failures(1, now) : new Failures(f.count() + 1, now));
    if (failures.size() > 10_000) {
      failures.values().removeIf(this::expired);
    }
  }

  void succeeded(String username, String address) {
    failures.remove(key(username, address));
  }

  private boolean expired(Failures f) {
    return !f.lastFailure().plus(lockout).isAfter(clock.instant());
  }

  private static String key(String username, String address) {
    return username + '\u0000' + address;
  }
}
