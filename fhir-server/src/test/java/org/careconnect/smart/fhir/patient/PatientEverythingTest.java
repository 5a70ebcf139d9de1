package org.careconnect.smart.fhir.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.support.ClinicalFixtures;
import org.careconnect.smart.fhir.support.DirectoryFixtures;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.careconnect.smart.fhir.support.Variant;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code Patient/[id]/$everything} (FHIR STU3 patient-operations.html#everything): the patient
 * and every resource of its compartment, of every patient-data type, and nothing of anyone else.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientEverythingTest {

  @LocalServerPort int port;
  @Autowired SearchParameterRegistry registry;
  SearchApi api;

  final Variant mine = Variant.a();
  final Variant someoneElse = Variant.b();

  @BeforeAll
  void storeTheRecordsOfTwoPatients() {
    api = new SearchApi(port);
    for (Variant variant : List.of(mine, someoneElse)) {
      Fixture.all().forEach(fixture -> api.put(fixture.build(variant)));
    }
  }

  @Test
  void everythingIsThePatientAndItsResourcesOfEveryTypeAndNothingElse() {
    List<String> entries = everything(mine.id("patient"), 100);

    Set<String> expected = new TreeSet<>();
    expected.add(mine.ref("Patient"));
    ClinicalFixtures.ALL.forEach(f -> expected.add(f.type() + "/" + mine.id(f.name())));
    assertThat(entries).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(entries)).isEqualTo(expected);
    assertThat(entries.get(0)).isEqualTo(mine.ref("Patient"));
  }

  @Test
  void everythingCoversEveryTypeThatLinksToAPatient() {
    Set<String> patientDataTypes = registry.all().stream()
        .filter(d -> d.patientLink() != null).map(d -> d.typeName()).collect(Collectors.toCollection(TreeSet::new));

    Set<String> typesReturned = everything(mine.id("patient"), 100).stream()
        .map(e -> e.substring(0, e.indexOf('/'))).filter(t -> !t.equals("Patient"))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(typesReturned).isEqualTo(patientDataTypes);
  }

  @Test
  void everythingPagedHoldsTheSameResourcesOnce() {
    assertThat(everything(mine.id("patient"), 4))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(everything(mine.id("patient"), 100));
  }

  @Test
  void aDeletedResourceIsNotPartOfEverything() {
    Fixture fixture = ClinicalFixtures.IMMUNIZATION;
    Variant variant = Variant.a();
    api.put(DirectoryFixtures.PATIENT.build(variant));
    api.put(fixture.build(variant));
    assertThat(api.client().send("DELETE", "Immunization/" + variant.id(fixture.name()), null, null).statusCode())
        .isEqualTo(200); // with an OperationOutcome saying what was deleted

    assertThat(everything(variant.id("patient"), 100)).containsExactly(variant.ref("Patient"));
  }

  @Test
  void everythingOfAnUnknownPatientIsNotFound() {
    assertThat(api.client().get("Patient/" + FhirTestClient.unique("nobody") + "/$everything").statusCode())
        .isEqualTo(404);
  }

  /** {@code Type/id} of every entry, following next links. */
  private List<String> everything(String patientId, int count) {
    List<String> entries = new ArrayList<>();
    Bundle page = api.bundle("Patient/" + patientId + "/$everything?_count=" + count);
    while (true) {
      page.getEntry().forEach(e -> entries.add(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return entries;
      }
      page = api.bundle(page.getLink(Bundle.LINK_NEXT).getUrl());
    }
  }
}
