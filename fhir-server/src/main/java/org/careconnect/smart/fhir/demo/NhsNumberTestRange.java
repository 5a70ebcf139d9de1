package org.careconnect.smart.fhir.demo;

import java.util.Locale;
import org.careconnect.smart.fhir.validation.NhsNumber;

/**
 * Issues NHS numbers from the range NHS England keeps for testing, 999 000 0000 to 999 999 9999,
 * so that no demo patient can carry a real person's number. The six free digits of the stem are
 * walked in a seeded order that visits each stem once; stems whose Modulus 11 check digit would
 * be 10 are skipped, as the NHS never issues them (NHS Data Dictionary, "NHS Number").
 */
final class NhsNumberTestRange {

  /** Stems 999 000 000 to 999 999 999: 10^6 of them, about 909,000 with a check digit. */
  private static final int STEMS = 1_000_000;

  /** Coprime with 10^6, so {@code offset + k * STRIDE} visits every stem once per cycle. */
  private static final int STRIDE = 387_403;

  private final int offset;
  private int next;
  private int visited;

  NhsNumberTestRange(long seed) {
    this.offset = (int) Math.floorMod(seed, STEMS);
  }

  /** The next number, never one issued before by this sequence. */
  String next() {
    while (visited < STEMS) {
      int stem = (int) ((offset + (long) next * STRIDE) % STEMS);
      next++;
      visited++;
      String firstNine = "999" + String.format(Locale.ROOT, "%06d", stem);
      Integer check = NhsNumber.checkDigit(firstNine);
      if (check != null) {
        return firstNine + check;
      }
    }
    throw new IllegalStateException("The NHS number test range is exhausted");
  }
}
