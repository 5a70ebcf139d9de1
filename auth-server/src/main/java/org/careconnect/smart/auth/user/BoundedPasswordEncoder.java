package org.careconnect.smart.auth.user;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At most a fixed number of hash computations at once; the others wait their turn (in arrival
 * order). Argon2id allocates its whole memory setting (7 MiB by default) for each check, so a
 * burst of logins, Basic-authenticated admin calls or client_secret token requests would
 * otherwise allocate that much per Tomcat thread (200 by default) at once. The checks are CPU
 * bound, so running more of them than there are processors would not finish any sooner.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder delegate;
  private final Semaphore permits;

  BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes) {
    this.delegate = delegate;
    this.permits = new Semaphore(concurrentHashes, true);
  }

  @Override
  public String encode(CharSequence rawPassword) {
    permits.acquireUninterruptibly();
    try {
      return delegate.encode(rawPassword);
    } finally {
      permits.release();
    }
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    permits.acquireUninterruptibly();
    try {
      return delegate.matches(rawPassword, encodedPassword);
    } finally {
      permits.release();
    }
  }

  /** Reads the stored hash's prefix and parameters only: no hash is computed. */
  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }
}
