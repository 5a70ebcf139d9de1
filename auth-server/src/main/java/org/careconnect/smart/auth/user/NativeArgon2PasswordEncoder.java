package org.careconnect.smart.auth.user;

import com.sun.jna.Memory;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id computed by the reference C library, libargon2 (bundled for Linux, macOS and Windows by
 * argon2-jvm and called through JNA), with the parameters and the stored form of Spring Security's
 * {@link Argon2PasswordEncoder}: {@code $argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>}, salt and
 * hash in Base64 without padding. Hashes made by either encoder verify with the other
 * (docs/decisions/0015).
 *
 * <p>Why: Spring's encoder runs on BouncyCastle, which allocates the m KiB of each check as Java
 * {@code long[]} blocks; on two cores it gave 44 checks/s with two threads, libargon2 117/s, with
 * byte-identical hashes.
 *
 * <ul>
 *   <li>The password is turned into bytes exactly as BouncyCastle's {@code PasswordConverter.UTF8}
 *       does for Spring's encoder ({@link #passwordBytes}), written straight into native memory,
 *       handed to libargon2 (which wipes it once hashed, ARGON2_FLAG_CLEAR_PASSWORD) and wiped
 *       again here. No Java array holds it.
 *   <li>A check compares the computed hash with the stored one in constant time ({@link
 *       MessageDigest#isEqual}).
 *   <li>Stored hashes in another form Spring's encoder accepts (Argon2i or Argon2d, version 1.0,
 *       padded Base64, a salt or hash too short for libargon2), malformed ones included, are left
 *       to Spring's encoder; so is {@link #upgradeEncoding}, which only reads the parameters.
 *   <li>libargon2 allocates the m KiB of each computation with malloc, outside the Java heap, and
 *       wipes and frees it before returning. At most {@code max-concurrent} run at once
 *       (BoundedPasswordEncoder).
 * </ul>
 *
 * <p>The constructor loads libargon2 and checks it against a known answer; it throws a {@link
 * LinkageError} when the library does not load (a platform argon2-jvm has no build for, a {@code
 * noexec} temporary directory), and UserConfig then uses Spring's encoder instead.
 */
final class NativeArgon2PasswordEncoder implements PasswordEncoder {

  /** Argon2 version 1.3, the only one Spring's encoder writes ({@code v=19}). */
  private static final int VERSION_13 = 0x13;

  /** libargon2 wipes the password once it has hashed it into its first block (argon2.h). */
  private static final int ARGON2_FLAG_CLEAR_PASSWORD = 1;

  /** libargon2's smallest salt and hash (argon2.h); shorter ones go to Spring's encoder. */
  private static final int MIN_SALT_BYTES = 8;

  private static final int MIN_HASH_BYTES = 4;

  /** The form Spring's encoder writes; digits bounded so that they fit an int. */
  private static final Pattern STORED =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,8})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  /** Known answer (BouncyCastle 1.80 computes the same; NativeArgon2PasswordEncoderTest). */
  static final String KNOWN_ANSWER =
      "1a98fba8e6394425c9bdc333a9c750aaf811df070f5fb4a5788e1cf4db5793a1";

  private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

  /** Spring's decoder (it also accepts padding); a stored hash decodes the same for both. */
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int saltLength;
  private final int hashLength;
  private final int parallelism;
  private final int memoryKib;
  private final int iterations;
  private final Argon2PasswordEncoder spring;

  /**
   * Same arguments as {@link Argon2PasswordEncoder#Argon2PasswordEncoder(int, int, int, int, int)}.
   *
   * @throws LinkageError when libargon2 (or JNA's own native part) does not load
   * @throws IllegalStateException when libargon2 computes a wrong known answer
   */
  NativeArgon2PasswordEncoder(
      int saltLength, int hashLength, int parallelism, int memoryKib, int iterations) {
    this.spring =
        new Argon2PasswordEncoder(saltLength, hashLength, parallelism, memoryKib, iterations);
    this.saltLength = saltLength;
    this.hashLength = hashLength;
    this.parallelism = parallelism;
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    byte[] answer =
        argon2id("password", "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII), 2, 64, 1, 32);
    if (answer == null || !HexFormat.of().formatHex(answer).equals(KNOWN_ANSWER)) {
      throw new IllegalStateException("libargon2 computed a wrong Argon2id known answer");
    }
  }

  @Override
  public String encode(CharSequence rawPassword) {
    byte[] salt = new byte[saltLength];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2id(rawPassword, salt, iterations, memoryKib, parallelism, hashLength);
    if (hash == null) {
      // BouncyCastle (Spring's encoder) refuses such a password as well
      throw new IllegalArgumentException("The password has an unpaired UTF-16 surrogate");
    }
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + BASE64.encodeToString(salt)
        + "$"
        + BASE64.encodeToString(hash);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    Stored stored = encodedPassword == null ? null : Stored.parse(encodedPassword);
    if (stored == null) {
      return spring.matches(rawPassword, encodedPassword);
    }
    byte[] computed =
        argon2id(
            rawPassword,
            stored.salt,
            stored.iterations,
            stored.memoryKib,
            stored.parallelism,
            stored.hash.length);
    // null: a password no encoder could have hashed (Spring's throws; refused here)
    return computed != null && MessageDigest.isEqual(stored.hash, computed);
  }

  /** True for a hash with less memory or fewer iterations than the settings (Spring's rule). */
  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return spring.upgradeEncoding(encodedPassword);
  }

  /** A stored hash in the form Spring's encoder writes, within libargon2's limits; else null. */
  private record Stored(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static Stored parse(String encoded) {
      Matcher m = STORED.matcher(encoded);
      if (!m.matches()) {
        return null;
      }
      int memoryKib = Integer.parseInt(m.group(1));
      int iterations = Integer.parseInt(m.group(2));
      int parallelism = Integer.parseInt(m.group(3));
      byte[] salt;
      byte[] hash;
      try {
        salt = BASE64_DECODER.decode(m.group(4));
        hash = BASE64_DECODER.decode(m.group(5));
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
      if (iterations < 1
          || parallelism < 1
          || parallelism > 0xFFFFFF
          || memoryKib < 8 * parallelism
          || salt.length < MIN_SALT_BYTES
          || hash.length < MIN_HASH_BYTES) {
        return null;
      }
      return new Stored(memoryKib, iterations, parallelism, salt, hash);
    }
  }

  /**
   * Argon2id version 1.3 of the password, computed by libargon2; null when the password has an
   * unpaired surrogate ({@link #passwordBytes}).
   */
  static byte[] argon2id(
      CharSequence password,
      byte[] salt,
      int iterations,
      int memoryKib,
      int parallelism,
      int hashLength) {
    Objects.requireNonNull(password, "password");
    // at most 3 bytes a char (a surrogate pair: 4 bytes for 2); JNA allocates no zero bytes
    long capacity = Math.max(1, 3L * password.length());
    try (Memory pwd = new Memory(capacity);
        Memory saltMemory = new Memory(salt.length);
        Memory out = new Memory(hashLength)) {
      try {
        int pwdLength = passwordBytes(password, pwd.getByteBuffer(0, capacity));
        if (pwdLength < 0) {
          return null;
        }
        saltMemory.write(0, salt, 0, salt.length);
        Argon2_context.ByReference context = new Argon2_context.ByReference();
        context.out = out;
        context.outlen = new JnaUint32(hashLength);
        context.pwd = pwd;
        context.pwdlen = new JnaUint32(pwdLength);
        context.salt = saltMemory;
        context.saltlen = new JnaUint32(salt.length);
        context.secret = null;
        context.secretlen = new JnaUint32(0);
        context.ad = null;
        context.adlen = new JnaUint32(0);
        context.t_cost = new JnaUint32(iterations);
        context.m_cost = new JnaUint32(memoryKib);
        context.lanes = new JnaUint32(parallelism);
        context.threads = new JnaUint32(parallelism);
        context.version = new Argon2_version(VERSION_13);
        context.allocate_cbk = null;
        context.free_cbk = null;
        context.flags = new JnaUint32(ARGON2_FLAG_CLEAR_PASSWORD);
        int result = Argon2Library.INSTANCE.argon2id_ctx(context);
        if (result != Argon2Library.ARGON2_OK) {
          throw new IllegalStateException(
              "libargon2: "
                  + Argon2Library.INSTANCE.argon2_error_message(result)
                  + " ("
                  + result
                  + ")");
        }
        return out.getByteArray(0, hashLength);
      } finally {
        pwd.clear();
      }
    }
  }

  /**
   * Writes the password's bytes as BouncyCastle's {@code PasswordConverter.UTF8} makes them for
   * Spring's encoder, and returns their count; -1 where BouncyCastle throws. That is UTF-8, except
   * for unpaired surrogates: BouncyCastle joins a high surrogate with whatever char follows it, and
   * refuses a low surrogate that follows none or a high surrogate at the end.
   */
  static int passwordBytes(CharSequence password, ByteBuffer out) {
    int length = password.length();
    for (int i = 0; i < length; i++) {
      char c = password.charAt(i);
      if (c < 0x80) {
        out.put((byte) c);
      } else if (c < 0x800) {
        out.put((byte) (0xC0 | c >> 6));
        out.put((byte) (0x80 | c & 0x3F));
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        if (c > 0xDBFF || i + 1 >= length) {
          return -1;
        }
        int codePoint = ((c & 0x3FF) << 10 | password.charAt(++i) & 0x3FF) + 0x10000;
        out.put((byte) (0xF0 | codePoint >> 18));
        out.put((byte) (0x80 | codePoint >> 12 & 0x3F));
        out.put((byte) (0x80 | codePoint >> 6 & 0x3F));
        out.put((byte) (0x80 | codePoint & 0x3F));
      } else {
        out.put((byte) (0xE0 | c >> 12));
        out.put((byte) (0x80 | c >> 6 & 0x3F));
        out.put((byte) (0x80 | c & 0x3F));
      }
    }
    return out.position();
  }
}
