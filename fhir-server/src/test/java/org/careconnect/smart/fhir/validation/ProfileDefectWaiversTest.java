package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.net.http.HttpResponse;
import java.util.List;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The three known Care Connect profile defects are waived, and only they: every other rule of the
 * same profiles still rejects. Patient goes over HTTP; Condition and AllergyIntolerance (not yet
 * served) through the validator every write uses.
 */
@FhirServerIntegrationTest
class ProfileDefectWaiversTest {

  static final String CONDITION_PROFILE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Condition-1";
  static final String ALLERGY_PROFILE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-AllergyIntolerance-1";

  @LocalServerPort int port;
  @Autowired CareConnectValidator validator;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  // CareConnect-Patient-1: an official name matches the 'official' and the 'other' slice.

  @Test
  void officialNameMatchingTwoSlicesIsWaivedAndReportedAsInformation() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Waived"));

    HttpResponse<String> response = client.postJson("Patient/$validate", client.encode(patient));

    OperationOutcome outcome = client.parse(OperationOutcome.class, response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Issues.errors(outcome)).isEmpty();
    assertThat(Issues.of(outcome, OperationOutcome.IssueSeverity.INFORMATION)).contains(
        "Patient.name[0] | /f:Patient/f:name[1] | Waived known profile defect (CareConnect-Patient-1 1.2.0: an"
            + " official name matches both the 'official' and the 'other' name slice): Profile "
            + CareConnectWriteValidationTest.PATIENT_PROFILE + "|1.2.0, Element matches more than one slice - official, other");
  }

  @Test
  void officialNameWithoutFamilyIsStillRejected() {
    Patient patient = CareConnectExamples.patient("unused");
    patient.getNameFirstRep().setFamily(null);

    HttpResponse<String> response = client.postJson("Patient", client.encode(patient));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(Issues.errors(client.parse(OperationOutcome.class, response.body()))).containsExactly(
        "Patient.name[0].family | /f:Patient/f:name[1]/f:family | Patient.name:official.family: minimum required = 1,"
            + " but only found 0 " + CareConnectWriteValidationTest.FROM_PATIENT_PROFILE);
  }

  @Test
  void twoOfficialNamesAreStillRejected() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Twice"));
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(FhirTestClient.unique("Other"));

    HttpResponse<String> response = client.postJson("Patient", client.encode(patient));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(Issues.errors(client.parse(OperationOutcome.class, response.body()))).containsExactly(
        "Patient.name | /f:Patient/f:name | Patient.name:official: max allowed = 1, but found 2 "
            + CareConnectWriteValidationTest.FROM_PATIENT_PROFILE);
  }

  @Test
  void nameWithoutUseStillFailsTheRequiredOfficialSlice() {
    Patient patient = CareConnectExamples.patient("unused");
    patient.getNameFirstRep().setUse(null);

    HttpResponse<String> response = client.postJson("Patient", client.encode(patient));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(Issues.errors(client.parse(OperationOutcome.class, response.body()))).containsExactly(
        "Patient.name | /f:Patient/f:name | Slice 'Patient.name:official': a matching slice is required, but not found "
            + CareConnectWriteValidationTest.FROM_PATIENT_PROFILE
            + ". Note that other slices are allowed in addition to this required slice");
  }

  // CareConnect-Condition-1: verificationStatus max 0.

  @Test
  void conditionWithVerificationStatusHasNoErrors() {
    Condition condition = CareConnectExamples.condition();
    condition.setVerificationStatus(Condition.ConditionVerificationStatus.CONFIRMED);

    ValidationResult result = validator.validate(condition);

    assertThat(errors(result)).isEmpty();
    assertThat(information(result)).containsExactly(
        "Waived known profile defect (CareConnect-Condition-1 1.1.0: verificationStatus max 0 contradicts base STU3"
            + " and con-3): Condition.verificationStatus: max allowed = 0, but found 1 (from " + CONDITION_PROFILE + "|1.1.0)");
  }

  @Test
  void enteredInErrorConditionWithoutClinicalStatusHasNoErrors() {
    Condition condition = CareConnectExamples.condition();
    condition.setClinicalStatus(null);
    condition.setVerificationStatus(Condition.ConditionVerificationStatus.ENTEREDINERROR);

    assertThat(errors(validator.validate(condition))).isEmpty();
  }

  @Test
  void conditionRulesOtherThanVerificationStatusStillApply() {
    Condition condition = CareConnectExamples.condition();
    condition.setVerificationStatus(Condition.ConditionVerificationStatus.CONFIRMED);
    condition.setClinicalStatus(null);
    condition.setSubject(null);

    assertThat(errors(validator.validate(condition))).containsExactly(
        "Condition.subject: minimum required = 1, but only found 0 (from " + CONDITION_PROFILE + "|1.1.0)",
        "Constraint failed: con-3: 'Condition.clinicalStatus SHALL be present if verificationStatus is not entered-in-error'");
  }

  @Test
  void verificationStatusIsNotWaivedForAnotherProfile() {
    Condition condition = CareConnectExamples.condition();
    condition.setVerificationStatus(Condition.ConditionVerificationStatus.CONFIRMED);

    // The waiver names CareConnect-Condition-1; validating as the ProblemHeader profile (which
    // allows 0..1 anyway) reports no waiver at all.
    ValidationResult result = validator.validate(
        condition, "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-ProblemHeader-Condition-1");

    assertThat(information(result)).noneMatch(message -> message.startsWith("Waived"));
  }

  // CareConnect-AllergyIntolerance-1: the code.coding snomedCT slice has no fixed system.

  @Test
  void codedAllergyHasNoErrors() {
    ValidationResult result = validator.validate(CareConnectExamples.allergy());

    assertThat(errors(result)).isEmpty();
    assertThat(information(result)).singleElement().asString().startsWith(
        "Waived known profile defect (CareConnect-AllergyIntolerance-1 1.2.0: the code.coding 'snomedCT' slice has no"
            + " fixed system): Slicing cannot be evaluated: Could not match discriminator (system) for slice"
            + " AllergyIntolerance.code.coding:snomedCT");
  }

  @Test
  void allergyRulesOtherThanTheCodeSliceStillApply() {
    AllergyIntolerance allergy = CareConnectExamples.allergy();
    allergy.setAssertedDateElement(null);
    allergy.getCode().addCoding(new Coding("http://snomed.info/sct", "294505008", "Amoxicillin allergy"));

    assertThat(errors(validator.validate(allergy))).containsExactly(
        "AllergyIntolerance.assertedDate: minimum required = 1, but only found 0 (from " + ALLERGY_PROFILE + "|1.2.0)");
  }

  private static List<String> errors(ValidationResult result) {
    return messages(result, ResultSeverityEnum.ERROR);
  }

  private static List<String> information(ValidationResult result) {
    return messages(result, ResultSeverityEnum.INFORMATION);
  }

  private static List<String> messages(ValidationResult result, ResultSeverityEnum severity) {
    return result.getMessages().stream()
        .filter(message -> message.getSeverity() == severity)
        .map(SingleValidationMessage::getMessage)
        .toList();
  }
}
