package org.careconnect.smart.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micrometer.core.instrument.Counter;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.careconnect.smart.auth.key.SigningKeyStore.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that sign tokens: one key of each {@link SigningFamily} signs at a time (ES256 for
 * access tokens, RS256 for ID tokens). A rotation replaces both; the previous keys stay in the
 * JWKS until every token they signed has expired (retired_at + the access-token lifetime, the
 * longest-lived JWT this server signs), so a resource server never meets a token it cannot verify,
 * and are then deleted.
 *
 * <p>Keys are read from the database and kept for {@link #SNAPSHOT_TTL}, so another node picks up
 * a rotation within that time. {@link #rotate()} is public for the admin API to trigger.
 */
public class SigningKeys {

  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  /** signers: one full key per family, for the encoder; published: public parts for the JWKS. */
  private record Snapshot(JWKSet signers, JWKSet published, Instant loadedAt) {}

  private final SigningKeyStore store;
  private final PrivateKeyCipher cipher;
  private final Clock clock;
  private final Duration publishAfterRetirement;
  private final Duration rotationInterval;
  private final Counter rotations;
  private volatile Snapshot snapshot;

  SigningKeys(
      SigningKeyStore store,
      PrivateKeyCipher cipher,
      Clock clock,
      Duration publishAfterRetirement,
      Duration rotationInterval,
      Counter rotations) {
    this.store = store;
    this.rotations = rotations;
    this.cipher = cipher;
    this.clock = clock;
    this.publishAfterRetirement = publishAfterRetirement;
    this.rotationInterval = rotationInterval;
  }

  /** The keys that sign now, with their private parts: one per family. */
  JWKSet signers() {
    return current().signers();
  }

  /** The public keys a verifier may need: the signers and recently retired keys. */
  JWKSet published() {
    return current().published();
  }

  /**
   * New keys, one per family, sign from now on; the previous ones are retired (still published).
   *
   * @return the new signers' kids by algorithm ({@code ES256}, {@code RS256})
   */
  public synchronized Map<String, String> rotate() {
    Instant now = clock.instant();
    Map<String, String> kids = new TreeMap<>();
    for (SigningFamily family : SigningFamily.values()) {
      JWK key = generate(family);
      store.insert(
          new StoredKey(
              key.getKeyID(),
              key.toPublicJWK().toJSONString(),
              cipher.seal(privateKeyBytes(key)),
              cipher.scheme(),
              now,
              null));
      kids.put(family.algorithm().getName(), key.getKeyID());
    }
    store.retireAllExcept(kids.values(), now);
    snapshot = null;
    rotations.increment();
    log.info("Signing keys {} now sign", kids);
    return kids;
  }

  /**
   * Start-up: the first run creates the keys; later runs use the stored ones, read at once so a
   * missing or wrong key-encryption key stops the start rather than the first token request. A
   * database from before access tokens had a family of their own (one RSA key signing everything)
   * gets a rotation, so its RSA key is retired, not dropped.
   */
  synchronized void ensureSigner() {
    if (!everyFamilySigns(store.active())) {
      rotate();
    }
    current();
  }

  /** Scheduled: rotate when a signer is older than the interval; delete expired keys. */
  synchronized void rotateIfDueAndPurge() {
    Instant now = clock.instant();
    List<StoredKey> active = store.active();
    boolean due =
        !everyFamilySigns(active)
            || active.stream().anyMatch(k -> !k.createdAt().plus(rotationInterval).isAfter(now));
    if (due) {
      rotate();
    }
    int deleted = store.deleteRetiredBefore(now.minus(publishAfterRetirement));
    if (deleted > 0) {
      log.info("Deleted {} retired signing key(s) whose tokens have all expired", deleted);
      snapshot = null;
    }
  }

  private static boolean everyFamilySigns(List<StoredKey> active) {
    Set<SigningFamily> families = EnumSet.noneOf(SigningFamily.class);
    active.forEach(k -> SigningFamily.of(parsePublic(k.publicKey())).ifPresent(families::add));
    return families.size() == SigningFamily.values().length;
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s == null || !s.loadedAt().plus(SNAPSHOT_TTL).isAfter(now)) {
      s = load(now);
      snapshot = s;
    }
    return s;
  }

  /** The newest active key of each family signs (two nodes rotating at once may leave two). */
  private Snapshot load(Instant now) {
    Map<SigningFamily, JWK> signers = new EnumMap<>(SigningFamily.class);
    for (StoredKey stored : store.active()) {
      JWK publicKey = parsePublic(stored.publicKey());
      SigningFamily.of(publicKey)
          .filter(family -> !signers.containsKey(family))
          .ifPresent(family -> signers.put(family, withPrivatePart(family, publicKey, stored)));
    }
    if (signers.size() < SigningFamily.values().length) {
      throw new IllegalStateException("No active signing key for each of " + List.of(SigningFamily.values()));
    }
    List<StoredKey> published = store.publishedSince(now.minus(publishAfterRetirement));
    JWKSet jwks = new JWKSet(published.stream().map(k -> parsePublic(k.publicKey())).toList());
    return new Snapshot(new JWKSet(List.copyOf(signers.values())), jwks, now);
  }

  private JWK withPrivatePart(SigningFamily family, JWK publicKey, StoredKey stored) {
    try {
      return family.withPrivatePart(publicKey, cipher.open(stored.privateKey(), stored.encryption()));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("Stored signing key " + stored.kid() + " is unreadable", e);
    }
  }

  private static JWK parsePublic(String json) {
    try {
      return JWK.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("Stored public key is not a JWK", e);
    }
  }

  private static JWK generate(SigningFamily family) {
    try {
      return family.generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate a " + family.algorithm() + " key", e);
    }
  }

  private static byte[] privateKeyBytes(JWK key) {
    try {
      return SigningFamily.privateKeyBytes(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
