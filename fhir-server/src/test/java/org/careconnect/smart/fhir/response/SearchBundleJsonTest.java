package org.careconnect.smart.fhir.response;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.SearchEntryMode;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;

/** Search Bundles written around cached JSON are the very text HAPI's JSON parser writes. */
class SearchBundleJsonTest {

  private static final FhirContext FHIR = FhirContext.forDstu3();

  static {
    FHIR.getParserOptions().setAutoContainReferenceTargetsWithNoId(false); // as the server's context
  }
  private static final String BASE = "http://localhost:8080/fhir/STU3";

  @Test
  void aPageWithLinksTotalMatchesAndIncludesIsHapisText() {
    Bundle bundle = searchBundle(b -> b.setTotal(38));
    bundle.addLink().setRelation("self").setUrl(BASE + "/Observation?patient=p1&category=vital-signs&_count=2");
    bundle.addLink().setRelation("next").setUrl(BASE + "?_getpages=abc_-&_getpagesoffset=2&_count=2");
    bundle.addLink().setRelation("previous").setUrl(BASE + "?_getpages=abc&_getpagesoffset=0&_count=2");
    Observation observation = new Observation();
    observation.setId("o1");
    observation.getMeta().setVersionId("3").setLastUpdated(new Date(1_700_000_000_123L));
    observation.setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/p1"));
    observation.getCode().setText("Body weight");
    addEntry(bundle, observation, SearchEntryMode.MATCH);
    addEntry(bundle, patient("p1", "Zoë \"Quotes\" O'Brien </script> \\ \u2028 tab\t"), SearchEntryMode.INCLUDE);

    assertSameText(bundle);
  }

  @Test
  void anEmptyResultAndAnEntryWithoutFullUrlOrModeAreHapisTextToo() {
    assertSameText(searchBundle(b -> b.setTotal(0)));
    Bundle noTotal = searchBundle(b -> {});
    noTotal.addEntry().setResource(patient("p2", "Smith"));
    assertSameText(noTotal);
  }

  @Test
  void anythingElseInTheBundleIsLeftToHapi() {
    assertThat(SearchBundleJson.canWrite(searchBundle(b -> {}))).isTrue();
    List<Consumer<Bundle>> extras = List.of(
        b -> b.setType(Bundle.BundleType.COLLECTION),
        b -> b.getMeta().setVersionId("1"),
        b -> b.getMeta().addTag().setCode("t"),
        b -> b.getIdentifier().setValue("x"),
        b -> b.setLanguage("en-GB"),
        b -> b.addLink().setRelation("self").setUrl(BASE).setId("l1"),
        b -> b.addLink().setRelation("self").setUrl(BASE).addExtension(new Extension("http://e", new StringType("x"))),
        b -> addEntry(b, patient("p3", "Jones"), SearchEntryMode.MATCH).getSearch().setScore(1),
        b -> addEntry(b, patient("p4", "Jones"), SearchEntryMode.MATCH).getRequest().setUrl("Patient"),
        b -> addEntry(b, patient("p5", "Jones"), SearchEntryMode.MATCH).addLink().setRelation("alternate"),
        b -> b.addEntry().setFullUrl(BASE + "/Patient/p6"));
    for (Consumer<Bundle> extra : extras) {
      assertThat(SearchBundleJson.canWrite(searchBundle(extra))).isFalse();
    }
  }

  /** What HAPI writes for the Bundle, against this class around each resource as HAPI wrote it. */
  private static void assertSameText(Bundle bundle) {
    assertThat(SearchBundleJson.canWrite(bundle)).isTrue();
    IParser parser = FHIR.newJsonParser();
    List<String> resources = bundle.getEntry().stream().map(e -> parser.encodeResourceToString(e.getResource())).toList();

    String ours = SearchBundleJson.write(bundle, resources);

    assertThat(ours).isEqualTo(FHIR.newJsonParser().encodeResourceToString(bundle));
  }

  private static Bundle searchBundle(Consumer<Bundle> change) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.setId("cca31f0f-6087-4a89-be26-6bb6aff2bace");
    bundle.getMeta().setLastUpdated(new Date(1_764_138_259_304L));
    change.accept(bundle);
    return bundle;
  }

  private static Bundle.BundleEntryComponent addEntry(Bundle bundle, Resource resource, SearchEntryMode mode) {
    Bundle.BundleEntryComponent entry = bundle.addEntry()
        .setFullUrl(BASE + "/" + resource.getResourceType() + "/" + resource.getIdElement().getIdPart())
        .setResource(resource);
    entry.getSearch().setMode(mode);
    return entry;
  }

  private static Patient patient(String id, String family) {
    Patient patient = new Patient();
    patient.setId(id);
    patient.getMeta().setVersionId("1");
    patient.addName().setFamily(family).addGiven("Ann");
    patient.setManagingOrganization(new Reference("Organization/o1").setDisplay("GP"));
    return patient;
  }
}
