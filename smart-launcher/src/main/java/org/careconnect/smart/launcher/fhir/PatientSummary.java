package org.careconnect.smart.launcher.fhir;

/** What the launcher shows of a Patient: the banner's name, NHS number, birth date and gender. */
public record PatientSummary(String id, String name, String nhsNumber, String birthDate, String gender) {

  /** The NHS number as NHS systems print it: 3-3-4 digits. */
  public String nhsNumberDisplay() {
    if (nhsNumber == null || nhsNumber.length() != 10) {
      return nhsNumber == null ? "not recorded" : nhsNumber;
    }
    return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
  }
}
