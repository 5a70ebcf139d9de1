package org.careconnect.smart.sampleapp;

import org.careconnect.smart.sampleapp.support.SmartServerStub;

/**
 * The record the browser test's stub serves: one patient, blood pressure and heart rate, a
 * medication statement with its Medication included, and a 403 for allergies. The granted
 * scopes leave out Condition, so that section must say "not shared".
 */
final class StubRecord {

  private StubRecord() {}

  static void load(SmartServerStub stub) {
    stub.tokenResponse(tokenResponse(true));
    stub.fhir("Patient/p1", 200, """
        {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1970-03-02",
         "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9991234567"}],
         "name": [{"use": "official", "family": "Smith", "given": ["Jane"]}]}""");
    stub.fhir("Observation?patient=p1&category=vital-signs", 200, bundle(
        bloodPressure("2024-01-10T09:00:00Z", 128, 82), bloodPressure("2024-03-10T09:00:00Z", 124, 80),
        heartRate("2024-01-10T09:00:00Z", 72), heartRate("2024-03-10T09:00:00Z", 68)));
    stub.fhir("MedicationStatement?patient=p1", 200, bundle("""
        {"resourceType": "MedicationStatement", "id": "ms1", "status": "active",
         "medicationReference": {"reference": "Medication/m1"}, "dosage": [{"text": "One capsule daily"}]}""", """
        {"resourceType": "Medication", "id": "m1", "code": {"coding": [{"display": "Ramipril 5mg capsules"}]}}"""));
    stub.fhir("MedicationRequest?patient=p1", 200, bundle());
    stub.fhir("AllergyIntolerance?patient=p1", 403, """
        {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "forbidden",
         "diagnostics": "stub says no to allergies"}]}""");
  }

  static String tokenResponse(boolean needPatientBanner) {
    return tokenResponse(needPatientBanner, 3600);
  }

  /** A token response; below 10 s of lifetime fhirclient refreshes before its first request. */
  static String tokenResponse(boolean needPatientBanner, int expiresIn) {
    return """
        {"access_token": "stub-access-token", "token_type": "Bearer", "expires_in": %d,
         "refresh_token": "stub-refresh-token", "patient": "p1", "need_patient_banner": %s,
         "scope": "openid fhirUser launch/patient offline_access patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Medication.rs patient/AllergyIntolerance.rs"}"""
        .formatted(expiresIn, needPatientBanner);
  }

  private static String bundle(String... resources) {
    StringBuilder entries = new StringBuilder();
    for (String resource : resources) {
      entries.append(entries.isEmpty() ? "" : ",").append("{\"resource\":").append(resource).append('}');
    }
    return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + entries + "]}";
  }

  private static String bloodPressure(String when, int systolic, int diastolic) {
    return """
        {"resourceType": "Observation", "status": "final", "effectiveDateTime": "%s",
         "code": {"coding": [{"system": "http://loinc.org", "code": "55284-4", "display": "Blood pressure"}]},
         "component": [
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure"}]},
            "valueQuantity": {"value": %d, "unit": "mmHg"}},
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4", "display": "Diastolic blood pressure"}]},
            "valueQuantity": {"value": %d, "unit": "mmHg"}}]}"""
        .formatted(when, systolic, diastolic);
  }

  private static String heartRate(String when, int value) {
    return """
        {"resourceType": "Observation", "status": "final", "effectiveDateTime": "%s",
         "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}]},
         "valueQuantity": {"value": %d, "unit": "beats/minute"}}"""
        .formatted(when, value);
  }
}
