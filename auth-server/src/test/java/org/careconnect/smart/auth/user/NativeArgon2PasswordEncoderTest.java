package org.careconnect.smart.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.PasswordConverter;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The native (libargon2) encoder against Spring's Argon2PasswordEncoder (BouncyCastle), at the
 * production setting: each verifies the other's hashes, in the same stored form.
 */
class NativeArgon2PasswordEncoderTest {

  static final String PASSWORD = "correct horse battery staple";

  /** $argon2id$v=19$m=7168,t=5,p=1$ + 16 bytes of salt + 32 of hash, Base64 without padding. */
  static final Pattern PRODUCTION_FORM =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})");

  final NativeArgon2PasswordEncoder nativeArgon2 =
      new NativeArgon2PasswordEncoder(16, 32, 1, 7168, 5);
  final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 7168, 5);

  @Test
  void nativeHashVerifiesWithSpringsEncoder() {
    String hash = nativeArgon2.encode(PASSWORD);

    assertThat(spring.matches(PASSWORD, hash)).isTrue();
    assertThat(spring.matches(PASSWORD + " ", hash)).isFalse();
    assertThat(nativeArgon2.matches(PASSWORD, hash)).isTrue();
  }

  @Test
  void springHashVerifiesWithNativeEncoder() {
    String hash = spring.encode(PASSWORD);

    assertThat(nativeArgon2.matches(PASSWORD, hash)).isTrue();
    assertThat(nativeArgon2.matches("correct horse battery stapler", hash)).isFalse();
  }

  @Test
  void wrongPasswordOrAlteredHashRefused() {
    String hash = nativeArgon2.encode(PASSWORD);
    // the hash's first Base64 char, not its last: the last one's two low bits are padding, which
    // the decoder ignores, so changing 'A' to 'B' there would leave the hash bytes unchanged
    int first = hash.lastIndexOf('$') + 1;
    char firstChar = hash.charAt(first);
    String altered =
        hash.substring(0, first) + (firstChar == 'A' ? 'B' : 'A') + hash.substring(first + 1);

    assertThat(nativeArgon2.matches("wrong", hash)).isFalse();
    assertThat(nativeArgon2.matches("", hash)).isFalse();
    assertThat(Base64.getDecoder().decode(altered.substring(first)))
        .isNotEqualTo(Base64.getDecoder().decode(hash.substring(first)));
    assertThat(nativeArgon2.matches(PASSWORD, altered)).isFalse();
  }

  @Test
  void encodedFormAndParametersAreSpringsAndTheSaltIsNew() {
    String first = nativeArgon2.encode(PASSWORD);
    String second = nativeArgon2.encode(PASSWORD);

    Matcher form = PRODUCTION_FORM.matcher(first);
    assertThat(form.matches()).as(first).isTrue();
    assertThat(Base64.getDecoder().decode(form.group(1))).hasSize(16);
    assertThat(Base64.getDecoder().decode(form.group(2))).hasSize(32);
    assertThat(PRODUCTION_FORM.matcher(spring.encode(PASSWORD)).matches()).isTrue();
    assertThat(second).isNotEqualTo(first).matches(PRODUCTION_FORM);
  }

  /** Byte for byte what BouncyCastle computes, for a fixed salt, at the production setting. */
  @Test
  void rawHashIsBouncyCastlesForAsciiAccentsCjkEmojiAndTheEmptyPassword() {
    byte[] salt = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    for (String password : List.of(PASSWORD, "pässwörd€", "密码口令", "\uD83D\uDE00 emoji", "")) {
      assertThat(NativeArgon2PasswordEncoder.argon2id(password, salt, 5, 7168, 1, 32))
          .as(password)
          .isEqualTo(bouncyCastle(password, salt, 5, 7168, 1, 32));
    }
  }

  @Test
  void nonAsciiAndEmptyPasswordsVerifyBothWays() {
    for (String password : List.of("pässwörd€", "\uD83D\uDE00", "")) {
      assertThat(spring.matches(password, nativeArgon2.encode(password))).as(password).isTrue();
      assertThat(nativeArgon2.matches(password, spring.encode(password))).as(password).isTrue();
    }
  }

  /**
   * The password bytes are BouncyCastle's PasswordConverter.UTF8 ones (what Spring's encoder
   * hashes) for any chars, unpaired surrogates included; where BouncyCastle throws, -1.
   */
  @Test
  void passwordBytesAreBouncyCastlesForRandomChars() {
    Random random = new Random(42);
    char[] alphabet = {'a', '\u00e9', '\u20ac', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFF'};
    for (int round = 0; round < 20_000; round++) {
      char[] chars = new char[random.nextInt(6)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] =
            random.nextBoolean()
                ? alphabet[random.nextInt(alphabet.length)]
                : (char) random.nextInt(0x10000);
      }
      ByteBuffer out = ByteBuffer.allocate(3 * chars.length);
      int count = NativeArgon2PasswordEncoder.passwordBytes(new String(chars), out);
      byte[] expected;
      try {
        expected = PasswordConverter.UTF8.convert(chars);
      } catch (IllegalStateException bouncyCastleRefuses) {
        assertThat(count).as(HexFormat.of().formatHex(toBytes(chars))).isEqualTo(-1);
        continue;
      }
      assertThat(count).as(HexFormat.of().formatHex(toBytes(chars))).isEqualTo(expected.length);
      assertThat(Arrays.copyOf(out.array(), count)).isEqualTo(expected);
    }
  }

  /** BouncyCastle refuses a high surrogate at the end or a lone low one: so does this encoder. */
  @Test
  void passwordWithAnUnpairedSurrogateRefusedLikeBouncyCastleDoes() {
    String hash = nativeArgon2.encode(PASSWORD);

    assertThatThrownBy(() -> spring.encode("abc\uD800")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> nativeArgon2.encode("abc\uD800"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(nativeArgon2.matches("\uDC00abc", hash)).isFalse();
  }

  @Test
  void upgradeEncodingWhenStoredHashHasLessMemoryOrFewerIterations() {
    String fewerIterations = new NativeArgon2PasswordEncoder(16, 32, 1, 7168, 4).encode(PASSWORD);
    String lessMemory = new Argon2PasswordEncoder(16, 32, 1, 4096, 5).encode(PASSWORD);

    assertThat(fewerIterations).startsWith("$argon2id$v=19$m=7168,t=4,p=1$");
    assertThat(nativeArgon2.upgradeEncoding(fewerIterations)).isTrue();
    assertThat(nativeArgon2.upgradeEncoding(lessMemory)).isTrue();
    assertThat(nativeArgon2.upgradeEncoding(nativeArgon2.encode(PASSWORD))).isFalse();
    // the stored parameters, not the settings, are the ones checked
    assertThat(nativeArgon2.matches(PASSWORD, fewerIterations)).isTrue();
    assertThat(nativeArgon2.matches(PASSWORD, lessMemory)).isTrue();
  }

  /** Forms Spring's encoder also reads, or refuses, are left to it. */
  @Test
  void otherFormsLeftToSpringsEncoder() {
    String hash = spring.encode(PASSWORD);
    Matcher form = PRODUCTION_FORM.matcher(hash);
    assertThat(form.matches()).isTrue();
    String padded = hash.replace(form.group(1), form.group(1) + "==") + "=";

    assertThat(nativeArgon2.matches(PASSWORD, padded)).isTrue();
    assertThat(nativeArgon2.matches("wrong", padded)).isFalse();
    assertThat(nativeArgon2.matches(PASSWORD, "$argon2id$v=19$m=7168,t=5,p=1$not base64!"))
        .isFalse();
    assertThat(nativeArgon2.matches(PASSWORD, "not a hash")).isFalse();
    assertThat(nativeArgon2.matches(PASSWORD, null)).isFalse();
  }

  @Test
  void moreThanOneLaneVerifiesBothWays() {
    NativeArgon2PasswordEncoder fourLanes = new NativeArgon2PasswordEncoder(16, 32, 4, 256, 3);
    Argon2PasswordEncoder springFourLanes = new Argon2PasswordEncoder(16, 32, 4, 256, 3);

    assertThat(springFourLanes.matches(PASSWORD, fourLanes.encode(PASSWORD))).isTrue();
    assertThat(fourLanes.matches(PASSWORD, springFourLanes.encode(PASSWORD))).isTrue();
    assertThat(fourLanes.matches("wrong", springFourLanes.encode(PASSWORD))).isFalse();
  }

  @Test
  void knownAnswerIsBouncyCastles() {
    assertThat(
            HexFormat.of()
                .formatHex(
                    bouncyCastle(
                        "password",
                        "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII),
                        2,
                        64,
                        1,
                        32)))
        .isEqualTo(NativeArgon2PasswordEncoder.KNOWN_ANSWER);
  }

  private static byte[] toBytes(char[] chars) {
    return new String(chars).getBytes(StandardCharsets.UTF_16BE);
  }

  static byte[] bouncyCastle(
      String password, byte[] salt, int iterations, int memoryKib, int parallelism, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withIterations(iterations)
            .withMemoryAsKB(memoryKib)
            .withParallelism(parallelism)
            .build());
    byte[] hash = new byte[length];
    generator.generateBytes(password.toCharArray(), hash);
    return hash;
  }
}
