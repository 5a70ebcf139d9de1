package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.UriType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code $validate} (FHIR STU3 §operation-resource-validate): 200 with an OperationOutcome whether
 * or not the resource is valid; 400 when the validation cannot be done (unknown profile).
 */
@FhirServerIntegrationTest
class ValidateOperationTest {

  static final String PATIENT_PROFILE = CareConnectWriteValidationTest.PATIENT_PROFILE;

  @LocalServerPort int port;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  @Test
  void typeLevelValidPatientGets200WithAnInformationIssue() {
    HttpResponse<String> response = client.postJson("Patient/$validate", client.encode(patient()));

    OperationOutcome outcome = outcomeOf(response, 200);
    assertThat(Issues.errors(outcome)).isEmpty();
    assertThat(outcome.getIssue()).last().satisfies(issue -> {
      assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.INFORMATION);
      assertThat(issue.getDiagnostics()).isEqualTo("Patient conforms to " + PATIENT_PROFILE + ": no errors");
    });
  }

  @Test
  void typeLevelInvalidPatientGets200WithTheErrors() {
    Patient patient = patient();
    patient.getAnimal().setSpecies(new CodeableConcept().setText("dog"));

    OperationOutcome outcome = outcomeOf(client.postJson("Patient/$validate", client.encode(patient)), 200);

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.animal | /f:Patient/f:animal | Patient.animal: max allowed = 0, but found 1 "
            + CareConnectWriteValidationTest.FROM_PATIENT_PROFILE);
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem())
        .isEqualTo("http://hl7.org/fhir/java-core-messageId");
    assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
        .isEqualTo("Validation_VAL_Profile_Maximum");
  }

  @Test
  void validateStoresNothing() {
    String family = FhirTestClient.unique("OnlyValidated");

    outcomeOf(client.postJson("Patient/$validate", client.encode(CareConnectExamples.patient(family))), 200);

    assertThat(client.parse(Bundle.class, client.get("Patient?family=" + family).body()).getTotal()).isZero();
  }

  @Test
  void instanceLevelWithTheSameIdGets200() {
    Patient patient = patient();
    patient.setId("validated-1");

    OperationOutcome outcome = outcomeOf(client.postJson("Patient/validated-1/$validate", client.encode(patient)), 200);

    assertThat(Issues.errors(outcome)).isEmpty();
  }

  @Test
  void instanceLevelWithAnotherIdInTheBodyReportsTheMismatch() {
    Patient patient = patient();
    patient.setId("other");

    OperationOutcome outcome = outcomeOf(client.postJson("Patient/validated-2/$validate", client.encode(patient)), 200);

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.id | /f:Patient/f:id | The id in the body 'other' does not match the id in the URL 'validated-2'");
  }

  @Test
  void instanceLevelUpdateModeNeedsTheIdInTheBody() {
    OperationOutcome outcome =
        outcomeOf(client.postJson("Patient/validated-3/$validate?mode=update", client.encode(patient())), 200);

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.id | /f:Patient/f:id | An update must carry the resource id in its body (FHIR STU3 §3.1.0.4)");
  }

  @Test
  void updateModeAtTypeLevelIsABadRequest() {
    HttpResponse<String> response = client.postJson("Patient/$validate?mode=update", client.encode(patient()));

    assertThat(outcomeOf(response, 400).getIssueFirstRep().getDiagnostics())
        .isEqualTo("$validate mode 'update' needs an instance: POST [base]/Patient/[id]/$validate (FHIR STU3 §operation-resource-validate)");
  }

  @Test
  void deleteModeAtInstanceLevelSaysNothingPreventsTheDelete() {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("mode").setValue(new CodeType("delete"));

    OperationOutcome outcome = outcomeOf(client.postJson("Patient/validated-5/$validate", client.encode(parameters)), 200);

    assertThat(outcome.getIssue()).singleElement().satisfies(issue -> {
      assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.INFORMATION);
      assertThat(issue.getDiagnostics()).isEqualTo("No rule of this server prevents deleting Patient/validated-5");
    });
  }

  @Test
  void parametersWithoutAResourceIsABadRequest() {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("profile").setValue(new UriType(PATIENT_PROFILE));

    HttpResponse<String> response = client.postJson("Patient/$validate", client.encode(parameters));

    assertThat(outcomeOf(response, 400).getIssueFirstRep().getDiagnostics())
        .isEqualTo("$validate needs the resource to validate, as the body or the 'resource' parameter");
  }

  @Test
  void profileParameterNamingTheCareConnectProfileIsUsed() {
    Patient patient = patient();
    patient.getName().clear();

    OperationOutcome outcome = outcomeOf(
        client.postJson("Patient/$validate?profile=" + encode(PATIENT_PROFILE), client.encode(patient)), 200);

    assertThat(Issues.errors(outcome)).first().asString()
        .isEqualTo("Patient.name | /f:Patient/f:name | Patient.name: minimum required = 1, but only found 0 "
            + CareConnectWriteValidationTest.FROM_PATIENT_PROFILE);
  }

  @Test
  void profileParameterWithItsVersionIsAccepted() {
    OperationOutcome outcome = outcomeOf(
        client.postJson("Patient/$validate?profile=" + encode(PATIENT_PROFILE + "|1.2.0"), client.encode(patient())), 200);

    assertThat(Issues.errors(outcome)).isEmpty();
  }

  @Test
  void profileParameterInAParametersBodyIsUsedAtInstanceLevel() {
    Patient patient = patient();
    patient.setId("validated-4");
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("resource").setResource(patient);
    parameters.addParameter().setName("profile").setValue(new UriType(PATIENT_PROFILE));

    OperationOutcome outcome = outcomeOf(client.postJson("Patient/validated-4/$validate", client.encode(parameters)), 200);

    assertThat(Issues.errors(outcome)).isEmpty();
    assertThat(outcome.getIssue()).last().extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
        .isEqualTo("Patient conforms to " + PATIENT_PROFILE + ": no errors");
  }

  @Test
  void unknownProfileIsABadRequest() {
    HttpResponse<String> response = client.postJson(
        "Patient/$validate?profile=" + encode("http://example.org/StructureDefinition/nope"), client.encode(patient()));

    assertThat(outcomeOf(response, 400).getIssueFirstRep().getDiagnostics()).isEqualTo(
        "Unknown profile 'http://example.org/StructureDefinition/nope' for Patient: this server validates Patient against "
            + PATIENT_PROFILE);
  }

  @Test
  void profileOfAnotherTypeIsABadRequest() {
    String conditionProfile = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Condition-1";

    HttpResponse<String> response =
        client.postJson("Patient/$validate?profile=" + encode(conditionProfile), client.encode(patient()));

    assertThat(outcomeOf(response, 400).getIssueFirstRep().getDiagnostics())
        .startsWith("Unknown profile '" + conditionProfile + "' for Patient");
  }

  @Test
  void profileWithAnotherVersionIsABadRequest() {
    HttpResponse<String> response = client.postJson(
        "Patient/$validate?profile=" + encode(PATIENT_PROFILE + "|9.9.9"), client.encode(patient()));

    assertThat(outcomeOf(response, 400).getIssueFirstRep().getDiagnostics())
        .startsWith("Unknown profile '" + PATIENT_PROFILE + "|9.9.9' for Patient");
  }

  @Test
  void extensionDefinitionIsNotAProfileToValidateAgainst() {
    HttpResponse<String> response = client.postJson(
        "Patient/$validate?profile=" + encode(CareConnectExamples.NHS_NUMBER_VERIFICATION_STATUS), client.encode(patient()));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void resourceOfAnotherTypeIsABadRequest() {
    HttpResponse<String> response = client.postJson("Patient/$validate", client.encode(CareConnectExamples.condition()));

    assertThat(outcomeOf(response, 400).getIssueFirstRep().getDiagnostics())
        .isEqualTo("$validate on Patient was given a Condition");
  }

  private static Patient patient() {
    return CareConnectExamples.patient(FhirTestClient.unique("Validate"));
  }

  private OperationOutcome outcomeOf(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return client.parse(OperationOutcome.class, response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
