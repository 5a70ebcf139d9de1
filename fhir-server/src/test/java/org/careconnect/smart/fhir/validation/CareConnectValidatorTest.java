package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ValidationResult;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.hl7.fhir.dstu3.model.Basic;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The validator bean itself, as tests and the demo-data check call it: results, never throws. */
@FhirServerIntegrationTest
class CareConnectValidatorTest {

  @Autowired CareConnectValidator validator;

  @Test
  void validateReturnsTheErrorsOfAnInvalidResourceWithoutThrowing() {
    Patient patient = CareConnectExamples.patient("unused");
    patient.getName().clear();

    ValidationResult result = validator.validate(patient);
    OperationOutcome outcome = validator.toOperationOutcome(result);

    assertThat(result.isSuccessful()).isFalse();
    assertThat(Issues.errors(outcome)).hasSize(2).allMatch(line -> line.startsWith("Patient.name | /f:Patient/f:name | "));
  }

  @Test
  void conformantResourceValidatesWithoutErrors() {
    assertThat(validator.validate(CareConnectExamples.patient("Conformant")).isSuccessful()).isTrue();
  }

  @Test
  void requireValidThrows422CarryingTheOutcome() {
    Patient patient = CareConnectExamples.patient("unused");
    patient.getName().clear();

    assertThatThrownBy(() -> validator.requireValid(patient))
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("Patient does not conform to " + CareConnectWriteValidationTest.PATIENT_PROFILE + " (2 errors)");
          assertThat(Issues.errors((OperationOutcome) e.getOperationOutcome())).hasSize(2);
        });
  }

  @Test
  void nhsNumberIsCheckedInAReferenceOfAnyResource() {
    String wrong = CareConnectExamples.withWrongCheckDigit(CareConnectExamples.newNhsNumber());
    Condition condition = CareConnectExamples.condition();
    condition.getSubject().setIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue(wrong));

    OperationOutcome outcome = validator.toOperationOutcome(validator.validate(condition));

    assertThat(Issues.errors(outcome)).singleElement().asString().startsWith(
        "Condition.subject.identifier.value | /f:Condition/f:subject/f:identifier/f:value | NHS number '" + wrong + "' is not valid");
  }

  @Test
  void nhsNumberIsCheckedInAResourceWithoutACareConnectProfile() {
    Basic basic = new Basic();
    basic.setCode(new CodeableConcept().setText("note"));
    basic.addIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue("1234567890"));

    OperationOutcome outcome = validator.toOperationOutcome(validator.validate(basic));

    assertThat(Issues.errors(outcome)).singleElement().asString().startsWith(
        "Basic.identifier[0].value | /f:Basic/f:identifier[1]/f:value | NHS number '1234567890' is not valid");
  }

  @Test
  void validNhsNumberInAReferenceIsAccepted() {
    Condition condition = CareConnectExamples.condition();
    condition.getSubject().setIdentifier(
        new Identifier().setSystem(NhsNumber.SYSTEM).setValue(CareConnectExamples.newNhsNumber()));

    assertThat(validator.validate(condition).isSuccessful()).isTrue();
  }

  @Test
  void snomedCodesInARequiredValueSetAreAcceptedThoughTheyCannotBeExpanded() {
    Immunization immunization = new Immunization();
    immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
    immunization.setNotGiven(false);
    immunization.setPrimarySource(true);
    immunization.getDateElement().setValueAsString("2020-01-01");
    immunization.setPatient(new Reference("Patient/example"));
    immunization.setVaccineCode(new CodeableConcept().addCoding(
        new Coding("http://snomed.info/sct", "39114911000001105", "Influenza vaccine")));

    assertThat(validator.validate(immunization).isSuccessful()).isTrue();
  }

  @Test
  void snomedCodeThatCannotBeCheckedIsAcceptedWithAWarning() {
    OperationOutcome outcome = validator.toOperationOutcome(validator.validate(CareConnectExamples.condition()));

    assertThat(Issues.errors(outcome)).isEmpty();
    assertThat(Issues.of(outcome, OperationOutcome.IssueSeverity.WARNING)).containsExactly(
        "Condition.code.coding[0] | /f:Condition/f:code/f:coding[1] | Code not checked: http://snomed.info/sct#38341003"
            + " could not be checked against the value set https://fhir.hl7.org.uk/STU3/ValueSet/CareConnect-ConditionCode-1"
            + " because the code system http://snomed.info/sct is not available to this server");
  }

  @Test
  void codeFromAnUnknownCodeSystemIsAWarning() {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "8867-4", "Heart rate")));
    observation.setSubject(new Reference("Patient/example"));

    OperationOutcome outcome = validator.toOperationOutcome(validator.validate(observation));

    assertThat(Issues.errors(outcome)).isEmpty();
    assertThat(Issues.of(outcome, OperationOutcome.IssueSeverity.WARNING)).contains(
        "Observation.code | /f:Observation/f:code | CodeSystem is unknown and can't be validated: http://loinc.org"
            + " for 'http://loinc.org#8867-4'");
  }

  @Test
  void codeFromASystemTheRequiredValueSetDoesNotDrawOnIsStillRejected() {
    Patient patient = CareConnectExamples.patient("Coded");
    patient.setMaritalStatus(new CodeableConcept().addCoding(new Coding("http://example.org/marital", "M", "Married")));

    OperationOutcome outcome = validator.toOperationOutcome(validator.validate(patient));

    assertThat(Issues.errors(outcome)).singleElement().asString()
        .startsWith("Patient.maritalStatus | /f:Patient/f:maritalStatus | None of the codings provided are in the value set");
  }

  @Test
  void warmUpTimeIsKnownOnceValidationHasRun() {
    validator.validate(CareConnectExamples.patient("Warm"));

    assertThat(validator.warmUpTime()).hasValueSatisfying(took -> assertThat(took).isPositive());
  }
}
