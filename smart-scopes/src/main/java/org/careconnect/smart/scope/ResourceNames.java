package org.careconnect.smart.scope;

import java.util.Map;

/** Plain-word names of FHIR resource types, for consent pages. */
final class ResourceNames {

    private static final Map<String, String> PLURALS = Map.ofEntries(
            Map.entry("*", "all kinds of health data"),
            Map.entry("Patient", "patient details"),
            Map.entry("Practitioner", "practitioner details"),
            Map.entry("PractitionerRole", "practitioner roles"),
            Map.entry("Organization", "organisations"),
            Map.entry("Location", "locations"),
            Map.entry("Encounter", "encounters and visits"),
            Map.entry("Observation", "observations (such as vital signs and test results)"),
            Map.entry("Condition", "conditions and problems"),
            Map.entry("AllergyIntolerance", "allergies and intolerances"),
            Map.entry("Medication", "medicines"),
            Map.entry("MedicationRequest", "prescriptions"),
            Map.entry("MedicationStatement", "medicines taken"),
            Map.entry("Immunization", "immunisations"),
            Map.entry("Procedure", "procedures"),
            Map.entry("AuditEvent", "audit records"));

    private ResourceNames() {
    }

    static String plural(String resourceType) {
        return PLURALS.getOrDefault(resourceType, resourceType + " resources");
    }
}
