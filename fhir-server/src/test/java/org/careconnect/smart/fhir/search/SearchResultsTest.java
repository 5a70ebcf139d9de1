package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.careconnect.smart.fhir.support.ClinicalFixtures;
import org.careconnect.smart.fhir.support.DirectoryFixtures;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.careconnect.smart.fhir.support.Variant;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a search returns besides its matches (FHIR STU3 §3.1.1.5): {@code _include} and
 * {@code _revinclude}, paging with {@code _count} and links, {@code _sort}, {@code _summary=count}.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchResultsTest {

  @LocalServerPort int port;
  SearchApi api;

  final Variant v = Variant.a();
  /** A code only this class's seven Observations have; their dates are out of order on purpose. */
  final String code = FhirTestClient.unique("page");
  final List<String> datesStored =
      List.of("2020-01-05", "2020-01-01", "2020-01-07", "2020-01-03", "2020-01-02", "2020-01-06", "2020-01-04");
  final Map<String, String> dateById = new java.util.HashMap<>();

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    api.put(DirectoryFixtures.PATIENT.build(v));
    api.put(DirectoryFixtures.PRACTITIONER.build(v));
    api.put(ClinicalFixtures.MEDICATION_REQUEST.build(v));
    api.put(ClinicalFixtures.CONDITION.build(v));
    for (String date : datesStored) {
      dateById.put(api.post(observation(date)), date);
    }
  }

  @Test
  void includeAddsTheReferencedResourcesAsIncludesNotCountedInTheTotal() {
    Bundle bundle = api.bundle("MedicationRequest?_id=" + v.id("medicationrequest")
        + "&_include=MedicationRequest:patient&_include=MedicationRequest:requester");

    assertThat(bundle.getTotal()).isEqualTo(1);
    assertThat(modes(bundle)).containsExactlyInAnyOrderEntriesOf(Map.of(
        v.ref("MedicationRequest"), Bundle.SearchEntryMode.MATCH,
        v.ref("Patient"), Bundle.SearchEntryMode.INCLUDE,
        v.ref("Practitioner"), Bundle.SearchEntryMode.INCLUDE));
  }

  @Test
  void includeOfAReferenceToAnAbsentResourceAddsNothing() {
    // The fixture's intended dispenser, an Organization, was never stored.
    Bundle bundle = api.bundle("MedicationRequest?_id=" + v.id("medicationrequest")
        + "&_include=MedicationRequest:intended-dispenser");

    assertThat(modes(bundle)).containsExactly(Map.entry(v.ref("MedicationRequest"), Bundle.SearchEntryMode.MATCH));
  }

  @Test
  void revincludeAddsTheResourcesReferringToTheMatchesAsIncludes() {
    Bundle bundle = api.bundle("Patient?_id=" + v.id("patient")
        + "&_revinclude=MedicationRequest:patient&_revinclude=Condition:subject");

    assertThat(bundle.getTotal()).isEqualTo(1);
    assertThat(modes(bundle)).containsExactlyInAnyOrderEntriesOf(Map.of(
        v.ref("Patient"), Bundle.SearchEntryMode.MATCH,
        v.ref("MedicationRequest"), Bundle.SearchEntryMode.INCLUDE,
        v.ref("Condition"), Bundle.SearchEntryMode.INCLUDE));
  }

  @Test
  void includedOrRevincludedResourceThatIsAlsoAMatchIsListedOnceAsAMatch() {
    String name = FhirTestClient.unique("Trust");
    String parent = api.post(organization(name + " parent", null));
    String child = api.post(organization(name + " child", "Organization/" + parent));
    String search = "Organization?" + param("name", name);

    Bundle revincluded = api.bundle(search + "&_revinclude=Organization:partof");
    Bundle included = api.bundle(search + "&_include=Organization:partof");

    Map<String, Bundle.SearchEntryMode> bothMatches = Map.of(
        "Organization/" + parent, Bundle.SearchEntryMode.MATCH, "Organization/" + child, Bundle.SearchEntryMode.MATCH);
    assertThat(revincluded.getEntry()).hasSize(2);
    assertThat(modes(revincluded)).isEqualTo(bothMatches);
    assertThat(included.getEntry()).hasSize(2);
    assertThat(modes(included)).isEqualTo(bothMatches);
  }

  @Test
  void includeOutsideTheAllowListIsRefused() {
    assertThat(api.badRequest("Observation?_include=Observation:code")).contains("Observation:code");
  }

  @Test
  void revincludeThatCannotPointToTheSearchedTypeIsRefused() {
    assertThat(api.badRequest("Patient?_revinclude=Observation:encounter")).contains("Observation:encounter");
  }

  @Test
  void revincludeNamingAnotherTargetTypeThanTheSearchedOneIsRefused() {
    assertThat(api.badRequest("Patient?_revinclude=Observation:subject:Group")).contains("Observation:subject:Group");
  }

  @Test
  void pagesFollowedByNextLinksHoldEveryMatchOnceAndPreviousLinksLeadBack() {
    List<List<String>> pages = new ArrayList<>();
    List<Bundle> bundles = new ArrayList<>();
    Bundle page = api.bundle("Observation?" + param("code", code) + "&_count=3");
    while (true) {
      bundles.add(page);
      pages.add(SearchApi.matchIds(page));
      assertThat(page.getTotal()).isEqualTo(datesStored.size());
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = api.bundle(page.getLink(Bundle.LINK_NEXT).getUrl());
    }

    assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
    assertThat(pages.stream().flatMap(List::stream)).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(dateById.keySet());
    Bundle last = bundles.get(2);
    assertThat(api.matchIds(last.getLink(Bundle.LINK_PREV).getUrl())).isEqualTo(pages.get(1));
    assertThat(bundles.get(0).getLink(Bundle.LINK_PREV)).isNull();
  }

  @Test
  void pagesWithIncludesStillHoldCountMatchesEach() {
    List<String> matches = new ArrayList<>();
    Bundle page = api.bundle("Observation?" + param("code", code) + "&_count=2&_include=Observation:patient");
    while (true) {
      List<String> ids = SearchApi.matchIds(page);
      assertThat(ids.size()).isLessThanOrEqualTo(2);
      assertThat(modes(page)).containsEntry(v.ref("Patient"), Bundle.SearchEntryMode.INCLUDE);
      matches.addAll(ids);
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = api.bundle(page.getLink(Bundle.LINK_NEXT).getUrl());
    }

    assertThat(matches).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(dateById.keySet());
  }

  @Test
  void sortByDateAscending() {
    List<String> ids = api.matchIds("Observation?" + param("code", code) + "&_sort=date");

    assertThat(ids).extracting(dateById::get).isSortedAccordingTo(String::compareTo).hasSize(datesStored.size());
  }

  @Test
  void sortByDateDescending() {
    List<String> ids = api.matchIds("Observation?" + param("code", code) + "&_sort=-date");

    assertThat(ids).extracting(dateById::get)
        .isSortedAccordingTo(java.util.Comparator.<String>reverseOrder()).hasSize(datesStored.size());
  }

  @Test
  void sortedPagesContinueTheOrder() {
    List<String> dates = new ArrayList<>();
    Bundle page = api.bundle("Observation?" + param("code", code) + "&_sort=-date&_count=3");
    while (true) {
      SearchApi.matchIds(page).forEach(id -> dates.add(dateById.get(id)));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = api.bundle(page.getLink(Bundle.LINK_NEXT).getUrl());
    }

    assertThat(dates).containsExactly("2020-01-07", "2020-01-06", "2020-01-05", "2020-01-04", "2020-01-03",
        "2020-01-02", "2020-01-01");
  }

  @Test
  void sortOnANonDateParameterIsRefused() {
    assertThat(api.badRequest("Observation?" + param("code", code) + "&_sort=code")).contains("'code'");
  }

  @Test
  void summaryCountGivesTheTotalAndNoEntries() {
    Bundle bundle = api.bundle("Observation?" + param("code", code) + "&_summary=count");

    assertThat(bundle.getTotal()).isEqualTo(datesStored.size());
    assertThat(bundle.getEntry()).isEmpty();
  }

  private Observation observation(String date) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept().addCoding(
        new Coding("https://careconnect-smart.example.org/CodeSystem/test", code, "Paging test")));
    observation.setSubject(new Reference(v.ref("Patient")));
    observation.setEffective(new DateTimeType(date));
    return observation;
  }

  private static Organization organization(String name, String partOf) {
    Organization organization = new Organization();
    organization.setName(name);
    if (partOf != null) {
      organization.setPartOf(new Reference(partOf));
    }
    return organization;
  }

  /** {@code Type/id} of each entry, with its search mode. */
  private static Map<String, Bundle.SearchEntryMode> modes(Bundle bundle) {
    // Duplicate entries would make toMap throw, so a duplicate fails the test too.
    return bundle.getEntry().stream().collect(Collectors.toMap(
        e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart(),
        e -> e.getSearch().getMode()));
  }

  /** A one-parameter search's total comes from its index alone: once per match, none deleted. */
  @Test
  void totalCountsEachMatchOnceAndNoDeletedResource() {
    String family = FhirTestClient.unique("Total");
    Patient twoNames = officialPatient(family);
    twoNames.addName().setUse(HumanName.NameUse.MAIDEN).setFamily(family + "son");
    api.post(twoNames);
    api.post(officialPatient(family));
    String deleted = api.post(officialPatient(family));
    assertThat(api.client().send("DELETE", "Patient/" + deleted, null, null).statusCode()).isEqualTo(200);

    assertThat(api.bundle("Patient?family=" + family).getTotal()).isEqualTo(2);
    assertThat(api.bundle("Patient?family=" + family + "&_count=1").getTotal()).isEqualTo(2);
  }

  private static Patient officialPatient(String family) {
    Patient patient = new Patient();
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family);
    return patient;
  }
}
