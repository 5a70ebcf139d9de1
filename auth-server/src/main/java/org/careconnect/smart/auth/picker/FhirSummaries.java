package org.careconnect.smart.auth.picker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the few STU3 Patient and Encounter elements the picker shows. */
final class FhirSummaries {

  private FhirSummaries() {}

  static PatientSummary patient(JsonNode patient) {
    return new PatientSummary(
        patient.path("id").asText(),
        name(patient.path("name")),
        patient.path("birthDate").asText(""),
        patient.path("gender").asText(""),
        nhsNumber(patient.path("identifier")));
  }

  static EncounterSummary encounter(JsonNode encounter) {
    List<String> description = new ArrayList<>();
    for (JsonNode type : encounter.path("type")) {
      description.add(text(type));
    }
    String classDisplay = encounter.path("class").path("display").asText("");
    if (classDisplay.isEmpty()) {
      classDisplay = encounter.path("class").path("code").asText("");
    }
    if (!classDisplay.isEmpty()) {
      description.add(classDisplay);
    }
    description.removeIf(String::isEmpty);
    return new EncounterSummary(
        encounter.path("id").asText(),
        description.isEmpty() ? "Encounter" : String.join(", ", description),
        encounter.path("status").asText(""),
        encounter.path("period").path("start").asText(""));
  }

  /** The official name if there is one, else the first; "Given Family". */
  private static String name(JsonNode names) {
    JsonNode chosen = null;
    for (JsonNode name : names) {
      if (chosen == null || "official".equals(name.path("use").asText())) {
        chosen = name;
      }
      if ("official".equals(name.path("use").asText())) {
        break;
      }
    }
    if (chosen == null) {
      return "(no name)";
    }
    if (chosen.hasNonNull("text")) {
      return chosen.get("text").asText();
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode given : chosen.path("given")) {
      parts.add(given.asText());
    }
    if (chosen.hasNonNull("family")) {
      parts.add(chosen.get("family").asText());
    }
    return parts.isEmpty() ? "(no name)" : String.join(" ", parts);
  }

  private static String nhsNumber(JsonNode identifiers) {
    for (JsonNode identifier : identifiers) {
      if (PatientQuery.NHS_NUMBER_SYSTEM.equals(identifier.path("system").asText())) {
        return identifier.path("value").asText("");
      }
    }
    return "";
  }

  private static String text(JsonNode concept) {
    if (concept.hasNonNull("text")) {
      return concept.get("text").asText();
    }
    for (JsonNode coding : concept.path("coding")) {
      if (coding.hasNonNull("display")) {
        return coding.get("display").asText();
      }
    }
    return "";
  }
}
