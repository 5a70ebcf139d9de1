package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.careconnect.smart.fhir.security.TokenVerifier.InvalidTokenException;
import org.junit.jupiter.api.Test;

/**
 * An unknown {@code kid} makes the verifier fetch the JWKS again (a rotation), but at most once
 * per {@code jwks-refetch-interval}: a stream of forged kids cannot make it hammer the
 * authorisation server, and each such token is refused as invalid (401), not as keys unavailable
 * (503). A verifier of its own, so the interval starts with this test.
 */
class TokenVerifierTest {

  private final TestTokens tokens = TestTokens.shared();
  private final TokenVerifier verifier = new TokenVerifier(properties(Duration.ofMinutes(1)), defaultTls());

  @Test
  void tokenWhenSignedByAKeyOfTheJwksThenVerified() {
    SmartAccess access = verifier.verify(tokens.sign(TestTokens.claims("system/*.rs").build()));

    assertThat(access.clientId()).isEqualTo("test-app");
  }

  @Test
  void unknownKidWhenSentTwiceWithinTheRefetchIntervalThenJwksFetchedOnceMoreAndBothRefused() {
    verifier.verify(tokens.sign(TestTokens.claims("system/*.rs").build())); // the first fetch
    int fetched = tokens.jwksFetches();
    String forged = TestTokens.sign(tokens.stranger, TestTokens.claims("system/*.*").build());

    assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class);
    assertThat(tokens.jwksFetches()).isEqualTo(fetched + 1);
    assertThatThrownBy(() -> verifier.verify(forged))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("The access token was refused: no key of the authorisation server fits it");
    assertThat(tokens.jwksFetches()).isEqualTo(fetched + 1);
  }

  @Test
  void knownKidWhenAfterTheRateLimitWasReachedThenStillVerified() {
    verifier.verify(tokens.sign(TestTokens.claims("system/*.rs").build()));
    String forged = TestTokens.sign(tokens.stranger, TestTokens.claims("system/*.*").build());
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class);
    }

    String good = tokens.signEs256(tokens.ecKey.getKeyID(), TestTokens.claims("system/*.rs").build());
    assertThat(verifier.verify(good).clientId()).isEqualTo("test-app");
  }

  private SecurityProperties properties(Duration refetch) {
    return new SecurityProperties(true, TestTokens.ISSUER, tokens.jwksUri(), null, TestTokens.AUDIENCE,
        refetch, Duration.ofSeconds(60), List.of(), 100);
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
