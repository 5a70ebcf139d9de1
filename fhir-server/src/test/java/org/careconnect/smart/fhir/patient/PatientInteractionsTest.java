package org.careconnect.smart.fhir.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class PatientInteractionsTest {

  @LocalServerPort int port;
  IGenericClient fhir;

  @BeforeEach
  void connect() {
    fhir = new FhirTestClient(port).fhir();
  }

  @Test
  void createThenReadReturnsWhatWasWrittenWithServerSetIdAndMeta() {
    String family = FhirTestClient.unique("Family");
    Patient patient = new Patient();
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("Ada");
    patient.setGender(AdministrativeGender.FEMALE);

    MethodOutcome created = fhir.create().resource(patient).execute();
    Patient read = fhir.read().resource(Patient.class).withId(created.getId().getIdPart()).execute();

    assertThat(created.getCreated()).isTrue();
    assertThat(read.getIdElement().getVersionIdPart()).isEqualTo("1");
    assertThat(read.getMeta().getProfile().get(0).getValue())
        .isEqualTo("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1");
    assertThat(read.getNameFirstRep().getFamily()).isEqualTo(family);
    assertThat(read.getGender()).isEqualTo(AdministrativeGender.FEMALE);
  }

  @Test
  void searchByFamilyFindsOnlyMatchingPatients() {
    String family = FhirTestClient.unique("Searchable");
    Patient patient = new Patient();
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family);
    fhir.create().resource(patient).execute();

    Bundle hit = fhir.search().byUrl("Patient?family=" + family.toLowerCase()).returnBundle(Bundle.class).execute();
    Bundle miss = fhir.search().byUrl("Patient?family=" + family + "x").returnBundle(Bundle.class).execute();

    assertThat(hit.getTotal()).isEqualTo(1);
    assertThat(miss.getTotal()).isZero();
  }

  @Test
  void deletedPatientIsGoneButHistoryKeepsItsVersions() {
    Patient patient = new Patient();
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(FhirTestClient.unique("Deleted"));
    String id = fhir.create().resource(patient).execute().getId().getIdPart();

    fhir.delete().resourceById("Patient", id).execute();

    assertThatThrownBy(() -> fhir.read().resource(Patient.class).withId(id).execute())
        .isInstanceOf(ResourceGoneException.class);
    Bundle history = fhir.history().onInstance("Patient/" + id).returnBundle(Bundle.class).execute();
    assertThat(history.getTotal()).isEqualTo(2);
    assertThat(history.getEntry().get(0).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
  }
}
