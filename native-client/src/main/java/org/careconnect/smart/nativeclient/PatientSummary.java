package org.careconnect.smart.nativeclient;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The patient's name and NHS number from a Care Connect Patient (STU3): the official name when
 * there is one (CareConnect-Patient-1 slices {@code name} by use), the identifier of system
 * {@value #NHS_NUMBER_SYSTEM}.
 */
record PatientSummary(String name, String nhsNumber) {

  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

  static PatientSummary from(JsonNode patient) throws FlowFailure {
    if (!"Patient".equals(patient.path("resourceType").asText())) {
      throw new FlowFailure("The patient read returned a " + patient.path("resourceType").asText("non-FHIR") + " resource.");
    }
    return new PatientSummary(name(patient.path("name")), nhsNumber(patient.path("identifier")));
  }

  private static String name(JsonNode names) {
    JsonNode chosen = names.path(0);
    for (JsonNode name : names) {
      if ("official".equals(name.path("use").asText())) {
        chosen = name;
        break;
      }
    }
    if (chosen.hasNonNull("text")) {
      return chosen.get("text").asText();
    }
    List<String> parts = new ArrayList<>();
    chosen.path("prefix").forEach(p -> parts.add(p.asText()));
    chosen.path("given").forEach(g -> parts.add(g.asText()));
    if (chosen.hasNonNull("family")) {
      parts.add(chosen.get("family").asText());
    }
    return parts.isEmpty() ? "(no name)" : String.join(" ", parts);
  }

  private static String nhsNumber(JsonNode identifiers) {
    for (JsonNode identifier : identifiers) {
      if (NHS_NUMBER_SYSTEM.equals(identifier.path("system").asText())) {
        return identifier.path("value").asText("(none)");
      }
    }
    return "(none)";
  }
}
