package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every create and update is checked against CareConnect-Patient-1 (422 when it does not conform). */
@FhirServerIntegrationTest
class CareConnectWriteValidationTest {

  static final String PATIENT_PROFILE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1";
  static final String FROM_PATIENT_PROFILE = "(from " + PATIENT_PROFILE + "|1.2.0)";

  @LocalServerPort int port;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  @Test
  void conformantPatientIsCreatedAndClaimsTheCareConnectProfile() {
    HttpResponse<String> response = client.postJson("Patient", client.encode(CareConnectExamples.patient(FhirTestClient.unique("Valid"))));

    assertThat(response.statusCode()).isEqualTo(201);
    Patient stored = client.parse(Patient.class, client.get(locationOf(response)).body());
    assertThat(stored.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(PATIENT_PROFILE);
  }

  @Test
  void patientWithoutNameIsRejectedNamingTheMissingElement() {
    Patient patient = CareConnectExamples.patient("unused");
    patient.getName().clear();

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.name | /f:Patient/f:name | Patient.name: minimum required = 1, but only found 0 " + FROM_PATIENT_PROFILE,
        "Patient.name | /f:Patient/f:name | Slice 'Patient.name:official': a matching slice is required, but not found "
            + FROM_PATIENT_PROFILE + ". Note that other slices are allowed in addition to this required slice");
  }

  @Test
  void patientWithAnAnimalBreaksTheMaximumCardinality() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Animal"));
    patient.getAnimal().setSpecies(new CodeableConcept().setText("dog"));

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.animal | /f:Patient/f:animal | Patient.animal: max allowed = 0, but found 1 " + FROM_PATIENT_PROFILE);
  }

  @Test
  void maritalStatusOutsideItsRequiredValueSetIsRejected() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Marital"));
    patient.setMaritalStatus(new CodeableConcept().addCoding(
        new Coding("http://hl7.org/fhir/administrative-gender", "male", "Male")));

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.maritalStatus | /f:Patient/f:maritalStatus | None of the codings provided are in the value set"
            + " 'Marital Status Codes' (https://fhir.hl7.org.uk/STU3/ValueSet/CareConnect-MaritalStatus-1|3.0.1),"
            + " and a coding from this value set is required) (codes = http://hl7.org/fhir/administrative-gender#male)");
  }

  @Test
  void maritalStatusFromItsRequiredValueSetIsAccepted() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Married"));
    patient.setMaritalStatus(new CodeableConcept().addCoding(
        new Coding("http://hl7.org/fhir/v3/MaritalStatus", "M", "Married")));

    assertThat(create(patient).statusCode()).isEqualTo(201);
  }

  @Test
  void nhsNumberWithAWrongCheckDigitIsRejectedNamingTheValue() {
    String wrong = CareConnectExamples.withWrongCheckDigit(CareConnectExamples.newNhsNumber());
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Nhs"));
    patient.getIdentifierFirstRep().setValue(wrong);

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.identifier[0].value | /f:Patient/f:identifier[1]/f:value | NHS number '" + wrong + "' is not valid:"
            + " an NHS number (https://fhir.nhs.uk/Id/nhs-number) is ten digits, the last the Modulus 11 check digit"
            + " of the first nine (NHS Data Dictionary, NHS Number)");
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.VALUE);
  }

  @Test
  void nhsNumberThatIsNotTenDigitsIsRejected() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("NhsShort"));
    patient.addIdentifier(new Identifier().setSystem("https://example.org/local-id").setValue("L1"));
    patient.getIdentifierFirstRep().setValue("943 476 5919");

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).singleElement().asString()
        .startsWith("Patient.identifier[0].value | /f:Patient/f:identifier[1]/f:value | NHS number '943 476 5919' is not valid");
  }

  @Test
  void nhsNumberWithoutItsVerificationStatusIsRejected() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Unverified"));
    patient.getIdentifierFirstRep().getExtension().clear();

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.identifier[0].extension | /f:Patient/f:identifier[1]/f:extension | Slice"
            + " 'Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus' for extension '"
            + CareConnectExamples.NHS_NUMBER_VERIFICATION_STATUS + "': a matching slice is required, but not found "
            + FROM_PATIENT_PROFILE + ". Note that other slices are allowed in addition to this required slice");
  }

  @Test
  void identifierSystemThatIsNotAUriIsRejected() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("System"));
    patient.addIdentifier(new Identifier().setSystem("local hospital number").setValue("H1"));

    OperationOutcome outcome = rejected(create(patient));

    assertThat(Issues.errors(outcome)).containsExactly(
        "Patient.identifier[1] | /f:Patient/f:identifier[2] | Identifier.system must be an absolute reference, not a local reference",
        "Patient.identifier[1].system | /f:Patient/f:identifier[2]/f:system | URI values cannot have whitespace('local hospital number')");
  }

  @Test
  void rejectedCreateStoresNothing() {
    String family = FhirTestClient.unique("Rejected");
    Patient patient = CareConnectExamples.patient(family);
    patient.getAnimal().setSpecies(new CodeableConcept().setText("cat"));

    assertThat(create(patient).statusCode()).isEqualTo(422);

    Bundle found = client.parse(Bundle.class, client.get("Patient?family=" + family).body());
    assertThat(found.getTotal()).isZero();
  }

  @Test
  void rejectedUpdateAsCreateStoresNothing() {
    String id = FhirTestClient.unique("rejected-");
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Put"));
    patient.setId(id);
    patient.getName().clear();

    HttpResponse<String> put = client.send("PUT", "Patient/" + id, "application/fhir+json", client.encode(patient));

    assertThat(put.statusCode()).isEqualTo(422);
    assertThat(client.get("Patient/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void rejectedUpdateKeepsTheCurrentVersion() {
    String family = FhirTestClient.unique("Kept");
    String location = locationOf(create(CareConnectExamples.patient(family)));
    Patient current = client.parse(Patient.class, client.get(location).body());
    current.getNameFirstRep().setFamily(null);

    HttpResponse<String> put = client.send(
        "PUT", "Patient/" + current.getIdElement().getIdPart(), "application/fhir+json", client.encode(current));

    assertThat(put.statusCode()).isEqualTo(422);
    Patient after = client.parse(Patient.class, client.get("Patient/" + current.getIdElement().getIdPart()).body());
    assertThat(after.getMeta().getVersionId()).isEqualTo("1");
    assertThat(after.getNameFirstRep().getFamily()).isEqualTo(family);
  }

  @Test
  void aClaimedProfileDoesNotReplaceTheCareConnectProfile() {
    Patient invalid = CareConnectExamples.patient("unused");
    invalid.getName().clear();
    invalid.getMeta().addProfile("http://example.org/StructureDefinition/lenient-patient");

    OperationOutcome outcome = rejected(create(invalid));

    assertThat(Issues.errors(outcome)).first().asString()
        .startsWith("Patient.name | /f:Patient/f:name | Patient.name: minimum required = 1");
  }

  @Test
  void aClaimedUnknownProfileDoesNotFailAConformantPatient() {
    Patient patient = CareConnectExamples.patient(FhirTestClient.unique("Claimed"));
    patient.getMeta().addProfile("http://example.org/StructureDefinition/other-patient");

    assertThat(create(patient).statusCode()).isEqualTo(201);
  }

  private HttpResponse<String> create(Patient patient) {
    return client.postJson("Patient", client.encode(patient));
  }

  private OperationOutcome rejected(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    return client.parse(OperationOutcome.class, response.body());
  }

  private static String locationOf(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    // Location is the versioned URL of the new resource; read the current one.
    return location.replaceAll("/_history/.*$", "");
  }
}
