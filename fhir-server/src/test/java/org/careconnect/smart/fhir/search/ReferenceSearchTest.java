package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reference search (FHIR STU3 §3.1.1.4.9 "reference"): {@code [id]}, {@code [type]/[id]}, the
 * {@code :[type]} modifier and an absolute URL on this server.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceSearchTest {

  @LocalServerPort int port;
  SearchApi api;

  /** Ids no other test uses: a Patient and a Group share one, so only the type tells them apart. */
  final String sharedId = FhirTestClient.unique("ref");
  final String otherPatientId = FhirTestClient.unique("ref");
  final String encounterId = FhirTestClient.unique("enc");
  String ofPatient;
  String ofGroup;
  String ofOtherPatient;
  String ofPatientInEncounter;

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    ofPatient = api.post(observation("Patient/" + sharedId, null));
    ofGroup = api.post(observation("Group/" + sharedId, null));
    ofOtherPatient = api.post(observation("Patient/" + otherPatientId, null));
    ofPatientInEncounter = api.post(observation("Patient/" + sharedId, "Encounter/" + encounterId));
  }

  @Test
  void idAloneMatchesTargetsOfAnyType() {
    assertThat(api.matchIdSet("Observation?" + param("subject", sharedId)))
        .containsExactlyInAnyOrder(ofPatient, ofGroup, ofPatientInEncounter);
  }

  @Test
  void typeSlashIdMatchesOnlyThatType() {
    assertThat(api.matchIdSet("Observation?" + param("subject", "Patient/" + sharedId)))
        .containsExactlyInAnyOrder(ofPatient, ofPatientInEncounter);
    assertThat(api.matchIdSet("Observation?" + param("subject", "Group/" + sharedId))).containsExactly(ofGroup);
  }

  @Test
  void typeModifierMatchesOnlyThatType() {
    assertThat(api.matchIdSet("Observation?" + param("subject:Group", sharedId))).containsExactly(ofGroup);
    assertThat(api.matchIdSet("Observation?" + param("subject:Patient", sharedId)))
        .containsExactlyInAnyOrder(ofPatient, ofPatientInEncounter);
  }

  @Test
  void parameterWithOneTargetTypeImpliesIt() {
    assertThat(api.matchIdSet("Observation?" + param("patient", sharedId)))
        .containsExactlyInAnyOrder(ofPatient, ofPatientInEncounter);
  }

  @Test
  void absoluteUrlOnThisServerMatchesLikeARelativeReference() {
    String absolute = api.client().base() + "/Patient/" + sharedId;

    assertThat(api.matchIdSet("Observation?" + param("subject", absolute)))
        .containsExactlyInAnyOrder(ofPatient, ofPatientInEncounter);
  }

  @Test
  void commaSeparatedValuesAreOred() {
    String query = "Observation?" + param("patient", sharedId + ",Patient/" + otherPatientId);

    assertThat(api.matchIdSet(query)).containsExactlyInAnyOrder(ofPatient, ofPatientInEncounter, ofOtherPatient);
  }

  @Test
  void repeatedParametersAreAnded() {
    String query = "Observation?" + param("patient", sharedId) + "&" + param("encounter", encounterId);

    assertThat(api.matchIdSet(query)).containsExactly(ofPatientInEncounter);
  }

  @Test
  void typeTheParameterCannotPointToIsRefused() {
    assertThat(api.badRequest("Observation?" + param("patient", "Group/" + sharedId)))
        .contains("'patient'").contains("Group");
  }

  @Test
  void typeModifierTheParameterCannotPointToIsRefused() {
    assertThat(api.badRequest("Observation?" + param("subject:Medication", sharedId)))
        .contains("':Medication'").contains("'subject'");
  }

  @Test
  void typeModifierContradictingTheValueIsRefused() {
    assertThat(api.badRequest("Observation?" + param("subject:Group", "Patient/" + sharedId)))
        .contains("'subject'");
  }

  @Test
  void chainedParameterIsRefusedNamingIt() {
    assertThat(api.badRequest("Observation?" + param("subject.name", "Smith"))).contains("'subject.name'");
  }

  private static Observation observation(String subject, String context) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "8867-4", "Heart rate")));
    observation.setSubject(new Reference(subject));
    if (context != null) {
      observation.setContext(new Reference(context));
    }
    return observation;
  }
}
