package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

  /** RFC 7636 Appendix B: the 32 octets, their verifier and its S256 challenge. */
  private static final byte[] APPENDIX_B_OCTETS = {
    116, 24, (byte) 223, (byte) 180, (byte) 151, (byte) 153, (byte) 224, 37, 79, (byte) 250, 96, 125,
    (byte) 216, (byte) 173, (byte) 187, (byte) 186, 22, (byte) 212, 37, 77, 105, (byte) 214, (byte) 191,
    (byte) 240, 91, 88, 5, 88, 83, (byte) 132, (byte) 141, 121
  };

  @Test
  void verifierAndChallengeWhenRfc7636AppendixBOctetsThenTheRfcValues() {
    Pkce pkce = Pkce.fromOctets(APPENDIX_B_OCTETS);

    assertThat(pkce.verifier()).isEqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void generateWhenCalledThenA43CharacterUnreservedVerifierAndADifferentOneEachTime() {
    SecureRandom random = new SecureRandom();
    Pkce first = Pkce.generate(random);
    Pkce second = Pkce.generate(random);

    // RFC 7636 §4.1: 43 to 128 characters of [A-Z] [a-z] [0-9] - . _ ~
    assertThat(first.verifier()).hasSize(43).matches("[A-Za-z0-9\\-._~]+");
    assertThat(first.challenge()).isEqualTo(Pkce.challenge(first.verifier())).doesNotContain("=");
    assertThat(second.verifier()).isNotEqualTo(first.verifier());
  }
}
