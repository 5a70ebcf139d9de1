package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.careconnect.smart.fhir.validation.NhsNumber;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

class DemoPopulationTest {

  private static final FhirContext FHIR = FhirContext.forDstu3Cached();

  @Test
  void sameSeedAndSizeGiveIdenticalResourcesAsJson() {
    List<String> first = json(new DemoPopulation(42, 30));
    List<String> second = json(new DemoPopulation(42, 30));

    assertThat(first).hasSizeGreaterThan(30 * 10);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void iteratingThePatientsAgainGivesTheSameResources() {
    DemoPopulation population = new DemoPopulation(7, 5);
    IParser parser = FHIR.newJsonParser();
    List<String> once = new ArrayList<>();
    population.patients().forEach(p -> p.forEach(r -> once.add(parser.encodeResourceToString(r))));
    List<String> again = new ArrayList<>();
    population.patients().forEach(p -> p.forEach(r -> again.add(parser.encodeResourceToString(r))));

    assertThat(again).isEqualTo(once);
  }

  @Test
  void anotherSeedGivesAnotherPopulation() {
    assertThat(json(new DemoPopulation(43, 30))).isNotEqualTo(json(new DemoPopulation(42, 30)));
  }

  @Test
  void nhsNumbersAreFromThe999TestRangeUniqueWithValidCheckDigits() {
    List<String> numbers = new ArrayList<>();
    for (List<Resource> patient : new DemoPopulation(42, 2_000).patients()) {
      Patient resource = (Patient) patient.get(0);
      numbers.add(nhsNumber(resource).getValue());
    }

    assertThat(numbers).hasSize(2_000).doesNotHaveDuplicates();
    assertThat(numbers)
        .allSatisfy(
            number -> {
              assertThat(number).matches("999\\d{7}");
              assertThat(NhsNumber.isValid(number)).as(number).isTrue();
            });
  }

  @Test
  void everyPatientHasTheNhsNumberSliceOfCareConnectPatient() {
    for (List<Resource> patient : new DemoPopulation(42, 50).patients()) {
      Patient resource = (Patient) patient.get(0);
      Identifier nhs = nhsNumber(resource);
      assertThat(nhs.getExtensionByUrl(Demographics.NHS_NUMBER_VERIFICATION_STATUS)).isNotNull();
      assertThat(resource.getName()).singleElement().satisfies(n -> assertThat(n.getFamily()).isNotBlank());
      assertThat(resource.getGender()).isNotNull();
      assertThat(resource.getBirthDate()).isNotNull();
      assertThat(resource.getAddressFirstRep().getPostalCode()).matches("[A-Z]{1,2}\\d{1,2} \\d[A-Z]{2}");
      assertThat(resource.getGeneralPractitionerFirstRep().getReference()).startsWith("Practitioner/");
      assertThat(resource.getManagingOrganization().getReference()).startsWith("Organization/");
    }
  }

  @Test
  void everyReferencePointsAtAResourceOfThePopulation() {
    List<Resource> all = all(new DemoPopulation(42, 200));
    Set<String> ids = new HashSet<>();
    all.forEach(r -> ids.add(r.fhirType() + "/" + r.getIdElement().getIdPart()));

    List<String> dangling = new ArrayList<>();
    int checked = 0;
    for (Resource resource : all) {
      for (Reference reference : FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
        checked++;
        if (!ids.contains(reference.getReference())) {
          dangling.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + " -> " + reference.getReference());
        }
      }
    }

    assertThat(ids).hasSize(all.size());
    assertThat(checked).isGreaterThan(all.size());
    assertThat(dangling).isEmpty();
  }

  @Test
  void everyResourceClaimsItsCareConnectProfile() {
    assertThat(all(new DemoPopulation(42, 20)))
        .allSatisfy(
            r -> assertThat(r.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly(CareConnectProfiles.of(r.fhirType())));
  }

  @Test
  void patientDataScalesWithThePatientCountWhilePracticesGrowOnePer1500Patients() {
    Map<String, Integer> small = counts(new DemoPopulation(42, 300));
    Map<String, Integer> large = counts(new DemoPopulation(42, 600));

    assertThat(small.get("Patient")).isEqualTo(300);
    assertThat(large.get("Patient")).isEqualTo(600);
    for (String type : List.of("Encounter", "Observation", "Condition", "MedicationRequest", "MedicationStatement", "Immunization")) {
      double ratio = (double) large.get(type) / small.get(type);
      assertThat(ratio).as(type + " " + small.get(type) + " -> " + large.get(type)).isBetween(1.7, 2.3);
    }
    assertThat(small.get("Organization")).isEqualTo(3);
    assertThat(small.get("Medication")).isEqualTo(Medicine.values().length);
    assertThat(PracticeGenerator.practiceCount(1)).isEqualTo(1);
    assertThat(PracticeGenerator.practiceCount(100_000)).isEqualTo(69);
    assertThat(counts(new DemoPopulation(42, 3_000)).get("Organization")).isEqualTo(5);
  }

  @Test
  void everyPatientHasConsultationsWithVitalSignsOverTime() {
    for (List<Resource> patient : new DemoPopulation(42, 50).patients()) {
      Map<String, Integer> counts = new TreeMap<>();
      patient.forEach(r -> counts.merge(r.fhirType(), 1, Integer::sum));
      assertThat(counts.get("Encounter")).isGreaterThanOrEqualTo(2);
      assertThat(counts.get("Observation")).isGreaterThanOrEqualTo(2 * 6 + 2);
    }
  }

  @Test
  void aNegativePatientCountIsRefused() {
    assertThatThrownBy(() -> new DemoPopulation(42, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A population cannot have -1 patients");
  }

  private static Identifier nhsNumber(Patient patient) {
    return patient.getIdentifier().stream()
        .filter(i -> NhsNumber.SYSTEM.equals(i.getSystem()))
        .findFirst()
        .orElseThrow();
  }

  static List<Resource> all(DemoPopulation population) {
    List<Resource> all = new ArrayList<>(population.sharedResources());
    population.patients().forEach(all::addAll);
    return all;
  }

  private static Map<String, Integer> counts(DemoPopulation population) {
    Map<String, Integer> counts = new TreeMap<>();
    all(population).forEach(r -> counts.merge(r.fhirType(), 1, Integer::sum));
    return counts;
  }

  private static List<String> json(DemoPopulation population) {
    IParser parser = FHIR.newJsonParser();
    return all(population).stream().map(parser::encodeResourceToString).toList();
  }
}
