package org.careconnect.smart.nativeclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code state} of one authorization request: unguessable, and checked on the redirect
 * before anything else, so a response this process did not ask for (one forged by a web page
 * hitting the loopback port, RFC 6749 §10.12, RFC 8252 §8.9) is refused.
 */
record State(String value) {

  static State generate(SecureRandom random) {
    byte[] octets = new byte[24];
    random.nextBytes(octets);
    return new State(Base64.getUrlEncoder().withoutPadding().encodeToString(octets));
  }

  /** Constant-time, so the comparison leaks nothing about how much of a guess was right. */
  boolean matches(String received) {
    return received != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
  }
}
