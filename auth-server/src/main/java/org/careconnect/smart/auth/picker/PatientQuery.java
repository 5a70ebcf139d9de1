package org.careconnect.smart.auth.picker;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the clinician typed: any of name, NHS number and date of birth (all given ones must match).
 * Turned into FHIR STU3 Patient search parameters.
 */
record PatientQuery(String name, String nhsNumber, String birthDate) {

  /** Care Connect's NHS number identifier system. */
  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  private static final Pattern NHS_NUMBER = Pattern.compile("\\d{10}");
  private static final int MAX_NAME = 100;

  PatientQuery {
    name = trimToNull(name);
    nhsNumber = trimToNull(nhsNumber == null ? null : nhsNumber.replaceAll("[\\s-]", ""));
    birthDate = trimToNull(birthDate);
  }

  boolean isEmpty() {
    return name == null && nhsNumber == null && birthDate == null;
  }

  /** Why the query cannot be run, or null when it can. */
  String problem() {
    if (isEmpty()) {
      return "Enter a name, an NHS number or a date of birth.";
    }
    if (name != null && name.length() > MAX_NAME) {
      return "The name is too long.";
    }
    if (nhsNumber != null && !NHS_NUMBER.matcher(nhsNumber).matches()) {
      return "An NHS number has 10 digits.";
    }
    if (birthDate != null) {
      try {
        LocalDate.parse(birthDate);
      } catch (DateTimeParseException e) {
        return "Enter the date of birth as year-month-day, for example 1970-01-31.";
      }
    }
    return null;
  }

  /** FHIR search parameters (STU3 Patient: name, identifier, birthdate). */
  Map<String, String> searchParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (name != null) {
      parameters.put("name", name);
    }
    if (nhsNumber != null) {
      parameters.put("identifier", NHS_NUMBER_SYSTEM + "|" + nhsNumber);
    }
    if (birthDate != null) {
      parameters.put("birthdate", birthDate);
    }
    return parameters;
  }

  private static String trimToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
