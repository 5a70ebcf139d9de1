package org.careconnect.smart.fhir.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Tokens already verified, each with its permissions, so that an app's every request does not pay
 * the signature check, the claim and scope parsing and the working out of its rules again
 * (docs/benchmarks.md, "Security overhead": the largest share of the enforcement's cost). One
 * lookup per request: the permissions were kept in a cache of their own, keyed by the verified
 * access, until that second lookup showed in the profile (docs/decisions/0016). Keyed by the
 * SHA-256 of the credential, the {@code Authorization} header value in one spelling ("Bearer "
 * and the token, {@link BearerTokenFilter#inOneSpelling}): the same value always carries the same
 * token, cutting the token out of it would copy 700-odd bytes on every request (docs/benchmarks.md,
 * twelfth round), and only 32 bytes are kept per token, never the token itself. Its UTF-8 bytes,
 * which tell every string from every other (ASCII turned each non-ASCII character into the same
 * {@code ?}). Two tokens with equal claims are still two entries, so no token is ever answered
 * with another's permissions. An entry serves until the token's {@code exp} plus the clock skew,
 * exactly as long as the verifier would accept it, and never after: each hit is checked against
 * the clock, and an entry found past its time is dropped. Only successes are
 * kept; a refused token is verified (and refused) every time. Bounded: {@code maxTokens} entries
 * (5-9 kB each, mostly HAPI's rules), the least used evicted first; 0 turns the cache off. No
 * timed expiry in the cache itself: the check on each hit already decides, and Caffeine's
 * variable expiry added a timer-wheel update and clock reads to every read (docs/benchmarks.md,
 * eighth round); an expired entry that nobody asks for again waits for eviction by size.
 *
 * <p>What this gives up: a key withdrawn from the authorisation server's JWKS stops new tokens at
 * once, but tokens verified before keep working until they expire (at most an hour). The JWKS is
 * cached for five minutes anyway, and JWT access tokens are not revocable at the resource server
 * without introspection.
 */
final class VerifiedTokens {

  /** Cloned for each digest: looking the algorithm up among the providers cost more than hashing. */
  private static final MessageDigest SHA_256 = sha256Prototype();

  private final Cache<ByteBuffer, TokenPermissions> cache;
  private final Duration clockSkew;
  private final Clock clock;

  VerifiedTokens(long maxTokens, Duration clockSkew, Clock clock) {
    this.clockSkew = clockSkew;
    this.clock = clock;
    // Upkeep (eviction) on the calling thread: on Caffeine's default executor, the common
    // ForkJoinPool, a hot token's reads handed it a task every few requests, each waking a thread.
    this.cache = maxTokens <= 0 ? null : Caffeine.newBuilder()
        .executor(Runnable::run)
        .maximumSize(maxTokens)
        .build();
  }

  /**
   * The kept permissions of the token this credential carries, or those {@code verifier} works out
   * from the credential (kept if it passed); {@code verifier} throws for a token it refuses.
   */
  TokenPermissions verify(String credential, Function<String, TokenPermissions> verifier) {
    if (cache == null) {
      return verifier.apply(credential);
    }
    ByteBuffer key = ByteBuffer.wrap(sha256(credential));
    TokenPermissions known = cache.getIfPresent(key);
    if (known != null) {
      if (stillValid(known)) {
        return known;
      }
      cache.invalidate(key); // past exp + skew: verified afresh below, and refused
    }
    TokenPermissions verified = verifier.apply(credential); // throws for a refused token: nothing kept
    if (stillValid(verified)) {
      cache.put(key, verified);
    }
    return verified;
  }

  private boolean stillValid(TokenPermissions permissions) {
    return clock.millis() < permissions.access().expiresAt().toEpochMilli() + clockSkew.toMillis();
  }

  private static byte[] sha256(String credential) {
    try {
      return ((MessageDigest) SHA_256.clone()).digest(credential.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static MessageDigest sha256Prototype() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.clone(); // fails now, at start-up, rather than on a request
      return digest;
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
