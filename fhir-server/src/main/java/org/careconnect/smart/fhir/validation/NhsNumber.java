package org.careconnect.smart.fhir.validation;

/**
 * NHS numbers: ten digits, the last a Modulus 11 check digit over the first nine (NHS Data
 * Dictionary, "NHS Number"). Identifier system {@value #SYSTEM}.
 */
public final class NhsNumber {

  public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  private NhsNumber() {}

  /** True when the value is ten digits whose check digit is right. */
  public static boolean isValid(String value) {
    if (value == null || !value.matches("\\d{10}")) {
      return false;
    }
    Integer check = checkDigit(value.substring(0, 9));
    return check != null && check == value.charAt(9) - '0';
  }

  /**
   * The check digit of nine digits, or null when none exists (a remainder of 10 makes the number
   * invalid, so such a stem is never issued).
   */
  public static Integer checkDigit(String firstNine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (firstNine.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      return 0;
    }
    return check == 10 ? null : check;
  }
}
