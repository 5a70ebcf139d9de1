package org.careconnect.smart.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The choice of Argon2id encoder: native libargon2, or Spring's (BouncyCastle) when it fails. */
@ExtendWith(OutputCaptureExtension.class)
class UserConfigTest {

  static final PasswordHashProperties PRODUCTION = new PasswordHashProperties(7168, 5, 1, 0);

  @Test
  void nativeEncoderWhenLibargon2Loads(CapturedOutput output) {
    PasswordEncoder encoder = UserConfig.argon2(PRODUCTION, NativeArgon2PasswordEncoder::new);

    assertThat(encoder).isInstanceOf(NativeArgon2PasswordEncoder.class);
    assertThat(encoder.encode("secret")).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    assertThat(output.getAll()).doesNotContain("libargon2 is unavailable");
  }

  @Test
  void springsEncoderWithTheSameSettingsAndOneWarningWhenLibargon2DoesNotLoad(
      CapturedOutput output) {
    PasswordEncoder encoder =
        UserConfig.argon2(
            PRODUCTION,
            (salt, hash, parallelism, memory, iterations) -> {
              throw new UnsatisfiedLinkError(
                  "Unable to load library 'argon2':\nlibargon2.so: cannot open shared object file");
            });

    assertThat(encoder).isInstanceOf(Argon2PasswordEncoder.class);
    String hash = encoder.encode("secret");
    assertThat(hash).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    assertThat(new NativeArgon2PasswordEncoder(16, 32, 1, 7168, 5).matches("secret", hash)).isTrue();
    assertThat(output.getAll().lines().filter(line -> line.contains("libargon2 is unavailable")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("WARN")
                    .contains("Unable to load library 'argon2': libargon2.so: cannot open"));
  }

  @Test
  void springsEncoderWhenJnaClassesMissingOrKnownAnswerWrong() {
    assertThat(
            UserConfig.argon2(
                new PasswordHashProperties(19456, 2, 1, 0),
                (salt, hash, parallelism, memory, iterations) -> {
                  throw new NoClassDefFoundError("com/sun/jna/Native");
                }))
        .isInstanceOf(Argon2PasswordEncoder.class)
        .satisfies(
            encoder ->
                assertThat(encoder.encode("secret"))
                    .startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    assertThat(
            UserConfig.argon2(
                PRODUCTION,
                (salt, hash, parallelism, memory, iterations) -> {
                  throw new IllegalStateException("libargon2 computed a wrong Argon2id known answer");
                }))
        .isInstanceOf(Argon2PasswordEncoder.class);
  }
}
