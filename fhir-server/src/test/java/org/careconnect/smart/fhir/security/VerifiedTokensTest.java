package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.careconnect.smart.scope.ScopeSet;
import org.junit.jupiter.api.Test;

/**
 * Verified tokens are remembered with their permissions until exp plus the skew, each token with
 * its own, and refused ones never.
 */
class VerifiedTokensTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Duration SKEW = Duration.ofSeconds(60);

  MovableClock clock = new MovableClock(NOW);
  List<String> verifiedAfresh = new ArrayList<>();

  @Test
  void sameTokenWhenVerifiedBeforeThenNotVerifiedAgain() {
    VerifiedTokens tokens = new VerifiedTokens(10, SKEW, clock);

    TokenPermissions first = tokens.verify("a.b.c", accepting(NOW.plusSeconds(300)));
    TokenPermissions second = tokens.verify("a.b.c", accepting(NOW.plusSeconds(300)));

    assertThat(second).isSameAs(first);
    assertThat(verifiedAfresh).containsExactly("a.b.c");
  }

  /** Equal claims are not the same token: no token is answered with another's permissions. */
  @Test
  void twoTokensWhenTheirClaimsAreEqualThenEachHasItsOwnPermissions() {
    VerifiedTokens tokens = new VerifiedTokens(10, SKEW, clock);

    TokenPermissions first = tokens.verify("a.b.c", acceptingAs("twin", NOW.plusSeconds(300)));
    TokenPermissions twin = tokens.verify("a.b.d", acceptingAs("twin", NOW.plusSeconds(300)));

    assertThat(twin.access()).isEqualTo(first.access());
    assertThat(twin).isNotSameAs(first);
    assertThat(tokens.verify("a.b.c", refusing())).isSameAs(first);
    assertThat(tokens.verify("a.b.d", refusing())).isSameAs(twin);
    assertThat(verifiedAfresh).containsExactly("a.b.c", "a.b.d");
  }

  @Test
  void otherTokenWhenOneDiffersInOneCharacterThenVerifiedAfresh() {
    VerifiedTokens tokens = new VerifiedTokens(10, SKEW, clock);
    tokens.verify("a.b.c", accepting(NOW.plusSeconds(300)));

    assertThatThrownBy(() -> tokens.verify("a.b.d", refusing()))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    assertThat(verifiedAfresh).containsExactly("a.b.c", "a.b.d");
  }

  /** Keyed by every character: US-ASCII bytes had made each non-ASCII character the same '?'. */
  @Test
  void otherCredentialWhenItDiffersOnlyInANonAsciiCharacterThenVerifiedAfresh() {
    VerifiedTokens tokens = new VerifiedTokens(10, SKEW, clock);
    tokens.verify("Bearer a.b.?", accepting(NOW.plusSeconds(300)));

    assertThatThrownBy(() -> tokens.verify("Bearer a.b.\u00e9", refusing()))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    assertThatThrownBy(() -> tokens.verify("Bearer a.b.\u20ac", refusing()))
        .isInstanceOf(TokenVerifier.InvalidTokenException.class);
    assertThat(verifiedAfresh).containsExactly("Bearer a.b.?", "Bearer a.b.\u00e9", "Bearer a.b.\u20ac");
  }

  @Test
  void refusedTokenWhenPresentedAgainThenVerifiedAndRefusedAgain() {
    VerifiedTokens tokens = new VerifiedTokens(10, SKEW, clock);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> tokens.verify("x.y.z", refusing()))
          .isInstanceOf(TokenVerifier.InvalidTokenException.class)
          .hasMessage("The access token was refused: Expired JWT");
    }
    assertThat(verifiedAfresh).containsExactly("x.y.z", "x.y.z");
  }

  @Test
  void rememberedTokenWhenPastExpiryAndSkewThenVerifiedAfreshAndRefused() {
    VerifiedTokens tokens = new VerifiedTokens(10, SKEW, clock);
    tokens.verify("a.b.c", accepting(NOW.plusSeconds(300)));

    clock.now = NOW.plusSeconds(300).plus(SKEW).minusMillis(1);
    tokens.verify("a.b.c", refusing()); // still inside exp + skew: remembered
    clock.now = NOW.plusSeconds(300).plus(SKEW);

    assertThatThrownBy(() -> tokens.verify("a.b.c", refusing()))
        .hasMessage("The access token was refused: Expired JWT");
    assertThat(verifiedAfresh).containsExactly("a.b.c", "a.b.c");
  }

  @Test
  void cacheWhenSizeZeroThenEveryRequestVerified() {
    VerifiedTokens tokens = new VerifiedTokens(0, SKEW, clock);

    tokens.verify("a.b.c", accepting(NOW.plusSeconds(300)));
    tokens.verify("a.b.c", accepting(NOW.plusSeconds(300)));

    assertThat(verifiedAfresh).containsExactly("a.b.c", "a.b.c");
  }

  private Function<String, TokenPermissions> accepting(Instant expiresAt) {
    return token -> acceptingAs("jti-" + token, expiresAt).apply(token);
  }

  private Function<String, TokenPermissions> acceptingAs(String tokenId, Instant expiresAt) {
    return token -> {
      verifiedAfresh.add(token);
      SmartAccess access = new SmartAccess(tokenId, "app", "user", null, null, null, ScopeSet.parse("user/*.rs"),
          expiresAt);
      return new TokenPermissions(access, List.of(), Map.of(), Map.of());
    };
  }

  private Function<String, TokenPermissions> refusing() {
    return token -> {
      verifiedAfresh.add(token);
      throw new TokenVerifier.InvalidTokenException("The access token was refused: Expired JWT");
    };
  }

  static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
