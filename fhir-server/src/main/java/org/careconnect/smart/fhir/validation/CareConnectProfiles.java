package org.careconnect.smart.fhir.validation;

import java.util.Map;

/** The Care Connect STU3 profile of each resource type served. */
public final class CareConnectProfiles {

  public static final String BASE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/";

  private static final Map<String, String> PROFILE_BY_TYPE =
      Map.ofEntries(
          Map.entry("Patient", BASE + "CareConnect-Patient-1"),
          Map.entry("Practitioner", BASE + "CareConnect-Practitioner-1"),
          Map.entry("PractitionerRole", BASE + "CareConnect-PractitionerRole-1"),
          Map.entry("Organization", BASE + "CareConnect-Organization-1"),
          Map.entry("Location", BASE + "CareConnect-Location-1"),
          Map.entry("Encounter", BASE + "CareConnect-Encounter-1"),
          Map.entry("Observation", BASE + "CareConnect-Observation-1"),
          Map.entry("Condition", BASE + "CareConnect-Condition-1"),
          Map.entry("AllergyIntolerance", BASE + "CareConnect-AllergyIntolerance-1"),
          Map.entry("Medication", BASE + "CareConnect-Medication-1"),
          Map.entry("MedicationRequest", BASE + "CareConnect-MedicationRequest-1"),
          Map.entry("MedicationStatement", BASE + "CareConnect-MedicationStatement-1"),
          Map.entry("Immunization", BASE + "CareConnect-Immunization-1"),
          Map.entry("Procedure", BASE + "CareConnect-Procedure-1"));

  private CareConnectProfiles() {}

  /** The profile URL of a type, or null when the type has none. */
  public static String of(String resourceType) {
    return PROFILE_BY_TYPE.get(resourceType);
  }

  /** Adds the Care Connect profile of the resource's type to {@code meta.profile}, once. */
  public static void claim(org.hl7.fhir.dstu3.model.Resource resource) {
    String profile = of(resource.fhirType());
    if (profile != null && !resource.getMeta().hasProfile(profile)) {
      resource.getMeta().addProfile(profile);
    }
  }

  public static Map<String, String> all() {
    return PROFILE_BY_TYPE;
  }
}
