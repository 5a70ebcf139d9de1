package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.careconnect.smart.fhir.validation.NhsNumber;
import org.junit.jupiter.api.Test;

class NhsNumberTestRangeTest {

  @Test
  void theWholeTestRangeIsIssuedOnceEachWithValidCheckDigitsThenTheSequenceIsExhausted() {
    NhsNumberTestRange numbers = new NhsNumberTestRange(20250630);
    BitSet seen = new BitSet(1_000_000);
    int issued = 0;
    int stemsWithCheckDigit = 0;
    for (int stem = 0; stem < 1_000_000; stem++) {
      if (NhsNumber.checkDigit("999" + String.format("%06d", stem)) != null) {
        stemsWithCheckDigit++;
      }
    }

    for (int i = 0; i < stemsWithCheckDigit; i++) {
      String number = numbers.next();
      assertThat(number).startsWith("999").hasSize(10);
      assertThat(NhsNumber.isValid(number)).isTrue();
      int stem = Integer.parseInt(number.substring(3, 9));
      assertThat(seen.get(stem)).as("issued twice: " + number).isFalse();
      seen.set(stem);
      issued++;
    }

    assertThat(issued).isGreaterThan(900_000);
    assertThatThrownBy(numbers::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The NHS number test range is exhausted");
  }

  @Test
  void stemsWithoutACheckDigitAreNeverIssued() {
    NhsNumberTestRange numbers = new NhsNumberTestRange(1);
    for (int i = 0; i < 20_000; i++) {
      String number = numbers.next();
      assertThat(NhsNumber.checkDigit(number.substring(0, 9))).isEqualTo(number.charAt(9) - '0');
    }
  }
}
