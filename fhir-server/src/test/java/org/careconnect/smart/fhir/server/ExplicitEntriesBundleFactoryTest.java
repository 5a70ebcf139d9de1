package org.careconnect.smart.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.dstu3.hapi.rest.server.Dstu3BundleFactory;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * The factory must write exactly the Bundle HAPI's own factory writes, for every kind of page
 * this server returns: only the (fruitless) walk over the resources' references is skipped.
 */
class ExplicitEntriesBundleFactoryTest {

  private static final String BASE = "http://localhost:8080/fhir/STU3";
  private final FhirContext fhir = FhirContext.forDstu3Cached();

  @Test
  void searchPageWithMatchesIncludesAndScoreIsHapisBundle() {
    assertSameBundle(BundleTypeEnum.SEARCHSET, () -> {
      IBaseResource observation = parse("""
          {"resourceType":"Observation","id":"o1","meta":{"versionId":"3"},"status":"final",
           "code":{"text":"pulse"},"subject":{"reference":"Patient/p1"}}""");
      IBaseResource patient = parse("""
          {"resourceType":"Patient","id":"p1","meta":{"versionId":"1"},"generalPractitioner":[{"reference":"Practitioner/x"}]}""");
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(observation, BundleEntrySearchModeEnum.MATCH);
      ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.put(observation, new BigDecimal("0.5"));
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(patient, BundleEntrySearchModeEnum.INCLUDE);
      return List.of(observation, patient);
    });
  }

  @Test
  void historyWithUpdatesAndDeletesIsHapisBundle() {
    assertSameBundle(BundleTypeEnum.HISTORY, () -> {
      IBaseResource updated = parse("""
          {"resourceType":"Patient","id":"p1","meta":{"versionId":"2"},"active":true}""");
      IBaseResource deleted = parse("""
          {"resourceType":"Patient","id":"p1","meta":{"versionId":"3"}}""");
      deleted.setId("Patient/p1/_history/3");
      ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(updated, BundleEntryTransactionMethodEnum.PUT);
      ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(deleted, BundleEntryTransactionMethodEnum.DELETE);
      return List.of(updated, deleted);
    });
  }

  @Test
  void transactionResponseEntriesAreHapis() {
    assertSameBundle(BundleTypeEnum.TRANSACTION_RESPONSE, () -> {
      IBaseResource created = parse("""
          {"resourceType":"Patient","id":"p2","meta":{"versionId":"1"}}""");
      created.setId("Patient/p2/_history/1");
      IBaseResource updated = parse("""
          {"resourceType":"Patient","id":"p3","meta":{"versionId":"4"}}""");
      updated.setId("Patient/p3/_history/4");
      return List.of(created, updated);
    });
  }

  @Test
  void aPageWithContainedResourcesGetsHapisOwnTreatment() {
    assertSameBundle(BundleTypeEnum.SEARCHSET, () -> List.of(parse("""
        {"resourceType":"MedicationRequest","id":"m1","meta":{"versionId":"1"},
         "contained":[{"resourceType":"Medication","id":"med","code":{"text":"aspirin"}}],
         "status":"active","intent":"order","medicationReference":{"reference":"#med"},
         "subject":{"reference":"Patient/p1"}}""")));
  }

  /** Each factory gets its own copies: HAPI's factory changes the resources' ids as it goes. */
  private void assertSameBundle(BundleTypeEnum type, Supplier<List<IBaseResource>> resources) {
    String hapis = encode(new Dstu3BundleFactory(fhir), type, resources.get());
    String ours = encode(new ExplicitEntriesBundleFactory(fhir), type, resources.get());
    assertThat(ours).isEqualTo(hapis);
    assertThat(ours).contains("\"fullUrl\":\"" + BASE + "/");
  }

  private String encode(IVersionSpecificBundleFactory factory, BundleTypeEnum type, List<IBaseResource> resources) {
    BundleLinks links = new BundleLinks(BASE, Set.of(), false, type);
    links.setSelf(BASE + "/Patient");
    factory.addRootPropertiesToBundle("page-id", links, resources.size(), null);
    factory.addResourcesToBundle(resources, type, BASE, null, Set.of());
    return fhir.newJsonParser().encodeResourceToString((Bundle) factory.getResourceBundle());
  }

  private IBaseResource parse(String json) {
    return fhir.newJsonParser().parseResource(json);
  }
}
