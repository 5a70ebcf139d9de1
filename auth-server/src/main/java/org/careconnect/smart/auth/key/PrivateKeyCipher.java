package org.careconnect.smart.auth.key;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects private signing keys at rest: AES-256-GCM with the configured key-encryption key, a
 * fresh 96-bit IV per key, stored as base64(iv || ciphertext+tag). Without a configured key the
 * private key is stored in clear ("none"), and a warning says so at start-up.
 */
final class PrivateKeyCipher {

  static final String AES_GCM = "A256GCM";
  static final String NONE = "none";
  private static final Logger log = LoggerFactory.getLogger(PrivateKeyCipher.class);
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  PrivateKeyCipher(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      this.key = null;
      log.warn(
          "careconnect.auth.keys.encryption-key is not set: private signing keys are stored"
              + " UNENCRYPTED in the database. Set AUTH_KEY_ENCRYPTION_KEY (openssl rand -base64 32).");
      return;
    }
    byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "careconnect.auth.keys.encryption-key must be base64 of 32 bytes, was " + bytes.length);
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  String scheme() {
    return key == null ? NONE : AES_GCM;
  }

  String seal(byte[] plain) {
    if (key == null) {
      return Base64.getEncoder().encodeToString(plain);
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a signing key", e);
    }
  }

  byte[] open(String stored, String scheme) {
    byte[] bytes = Base64.getDecoder().decode(stored);
    if (NONE.equals(scheme)) {
      return bytes;
    }
    if (key == null) {
      throw new IllegalStateException(
          "A signing key is stored encrypted but careconnect.auth.keys.encryption-key is not set");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot decrypt a signing key: is careconnect.auth.keys.encryption-key the one it was"
              + " stored with?",
          e);
    }
  }
}
