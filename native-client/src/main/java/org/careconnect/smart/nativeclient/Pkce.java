package org.careconnect.smart.nativeclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636), the only thing that binds the code to this process: a
 * native app cannot keep a client secret (RFC 8252 §8.4), and another app on the device may
 * receive the redirect (§8.1), so the code is worthless without the verifier that never left us.
 */
record Pkce(String verifier, String challenge) {

  static final String METHOD = "S256";

  /** 32 random octets, base64url: a 43-character verifier with 256 bits of entropy (RFC 7636 §4.1, §7.1). */
  static Pkce generate(SecureRandom random) {
    byte[] octets = new byte[32];
    random.nextBytes(octets);
    return fromOctets(octets);
  }

  static Pkce fromOctets(byte[] octets) {
    String verifier = base64Url(octets);
    return new Pkce(verifier, challenge(verifier));
  }

  /** code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2, S256). */
  static String challenge(String verifier) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return base64Url(sha256.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static String base64Url(byte[] octets) {
    // no padding (RFC 7636 Appendix A)
    return Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
  }
}
