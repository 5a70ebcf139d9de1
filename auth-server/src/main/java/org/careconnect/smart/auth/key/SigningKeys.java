package org.careconnect.smart.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micrometer.core.instrument.Counter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careconnect.smart.auth.key.SigningKeyStore.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys that sign tokens. One key signs at a time; after a rotation the previous keys stay
 * in the JWKS until every token they signed has expired (retired_at + the access-token lifetime,
 * the longest-lived JWT this server signs), so a resource server never meets a token it cannot
 * verify, and are then deleted.
 *
 * <p>Keys are read from the database and kept for {@link #SNAPSHOT_TTL}, so another node picks up
 * a rotation within that time. {@link #rotate()} is public for the admin API to trigger.
 */
public class SigningKeys {

  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private record Snapshot(RSAKey signer, JWKSet published, Instant loadedAt) {}

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

  /** The key that signs now, with its private part. */
  RSAKey signer() {
    return current().signer();
  }

  /** The public keys a verifier may need: the signer and recently retired keys. */
  JWKSet published() {
    return current().published();
  }

  /** A new key becomes the signer now; the previous ones are retired (still published). */
  public synchronized String rotate() {
    Instant now = clock.instant();
    RSAKey key = generate();
    store.insert(
        new StoredKey(
            key.getKeyID(),
            key.toPublicJWK().toJSONString(),
            cipher.seal(privateKeyBytes(key)),
            cipher.scheme(),
            now,
            null));
    store.retireAllExcept(key.getKeyID(), now);
    snapshot = null;
    rotations.increment();
    log.info("Signing key {} is now the signer", key.getKeyID());
    return key.getKeyID();
  }

  /**
   * Start-up: the first run creates a key; later runs use the stored one, read at once so a
   * missing or wrong key-encryption key stops the start rather than the first token request.
   */
  synchronized void ensureSigner() {
    if (store.active().isEmpty()) {
      rotate();
    }
    current();
  }

  /** Scheduled: rotate when the signer is older than the interval; delete expired keys. */
  synchronized void rotateIfDueAndPurge() {
    Instant now = clock.instant();
    boolean due =
        store.active().map(k -> !k.createdAt().plus(rotationInterval).isAfter(now)).orElse(true);
    if (due) {
      rotate();
    }
    int deleted = store.deleteRetiredBefore(now.minus(publishAfterRetirement));
    if (deleted > 0) {
      log.info("Deleted {} retired signing key(s) whose tokens have all expired", deleted);
      snapshot = null;
    }
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

  private Snapshot load(Instant now) {
    StoredKey active =
        store.active().orElseThrow(() -> new IllegalStateException("No active signing key"));
    List<StoredKey> published = store.publishedSince(now.minus(publishAfterRetirement));
    JWKSet jwks = new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) parsePublic(k.publicKey())).toList());
    return new Snapshot(withPrivatePart(active), jwks, now);
  }

  private RSAKey withPrivatePart(StoredKey stored) {
    try {
      byte[] pkcs8 = cipher.open(stored.privateKey(), stored.encryption());
      RSAPrivateKey privateKey =
          (RSAPrivateKey)
              KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      return new RSAKey.Builder(parsePublic(stored.publicKey())).privateKey(privateKey).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Stored signing key " + stored.kid() + " is unreadable", e);
    }
  }

  private static RSAKey parsePublic(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("Stored public key is not an RSA JWK", e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  private static byte[] privateKeyBytes(RSAKey key) {
    try {
      return key.toPrivateKey().getEncoded();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
