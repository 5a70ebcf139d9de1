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

/** Token search (FHIR STU3 §3.1.1.4.7 "token"): code, system|code, |code, system|, OR, AND. */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenSearchTest {

  static final String SNOMED = "http://snomed.info/sct";
  static final String LOINC = "http://loinc.org";

  @LocalServerPort int port;
  SearchApi api;

  /** Codes no other test uses, so each search sees only this class's data. */
  final String code = FhirTestClient.unique("c");
  final String loincCode = FhirTestClient.unique("l");
  final String ownSystem = "https://careconnect-smart.example.org/CodeSystem/" + FhirTestClient.unique("s");
  final String escaped = FhirTestClient.unique("e") + ",x|y";
  String snomedAndLoinc;
  String withoutSystem;
  String ownSystemOnly;
  String withEscapes;

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    snomedAndLoinc = api.post(observation(new Coding(SNOMED, code, "Heart rate"), new Coding(LOINC, loincCode, "Heart rate")));
    withoutSystem = api.post(observation(new Coding(null, code, "Heart rate")));
    ownSystemOnly = api.post(observation(new Coding(ownSystem, "other", "Other")));
    withEscapes = api.post(observation(new Coding(ownSystem, escaped, "Escaped")));
  }

  @Test
  void codeAloneMatchesTheCodeInAnySystem() {
    assertThat(api.matchIdSet("Observation?" + param("code", code))).containsExactlyInAnyOrder(snomedAndLoinc, withoutSystem);
  }

  @Test
  void systemBarCodeMatchesOnlyThatSystem() {
    assertThat(api.matchIdSet("Observation?" + param("code", SNOMED + "|" + code))).containsExactly(snomedAndLoinc);
    assertThat(api.matchIdSet("Observation?" + param("code", LOINC + "|" + code))).isEmpty();
  }

  @Test
  void barCodeMatchesOnlyTheCodeWithoutASystem() {
    assertThat(api.matchIdSet("Observation?" + param("code", "|" + code))).containsExactly(withoutSystem);
  }

  @Test
  void systemBarMatchesAnyCodeOfTheSystem() {
    assertThat(api.matchIdSet("Observation?" + param("code", ownSystem + "|")))
        .containsExactlyInAnyOrder(ownSystemOnly, withEscapes);
  }

  @Test
  void codesAreCaseSensitive() {
    assertThat(api.matchIdSet("Observation?" + param("code", code.toUpperCase()))).isEmpty();
  }

  @Test
  void commaSeparatedValuesAreOred() {
    String query = "Observation?" + param("code", SNOMED + "|" + code + "," + ownSystem + "|other");

    assertThat(api.matchIdSet(query)).containsExactlyInAnyOrder(snomedAndLoinc, ownSystemOnly);
  }

  @Test
  void repeatedParametersAreAnded() {
    String both = "Observation?" + param("code", SNOMED + "|" + code) + "&" + param("code", LOINC + "|" + loincCode);
    String neither = "Observation?" + param("code", SNOMED + "|" + code) + "&" + param("code", "|" + code);

    assertThat(api.matchIdSet(both)).containsExactly(snomedAndLoinc);
    assertThat(api.matchIdSet(neither)).isEmpty();
  }

  @Test
  void backslashEscapesCommaAndBarInAValue() {
    String value = ownSystem + "|" + escaped.replace(",", "\\,").replace("|", "\\|");

    assertThat(api.matchIdSet("Observation?" + param("code", value))).containsExactly(withEscapes);
  }

  @Test
  void unsupportedModifierIsRefusedNamingIt() {
    assertThat(api.badRequest("Observation?" + param("code:text", "Heart")))
        .contains("':text'").contains("'code'");
  }

  @Test
  void emptyTokenIsRefused() {
    assertThat(api.badRequest("Observation?" + param("code", "|"))).contains("'code'");
  }

  private static Observation observation(Coding... codings) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    CodeableConcept concept = new CodeableConcept();
    for (Coding coding : codings) {
      concept.addCoding(coding);
    }
    observation.setCode(concept);
    observation.setSubject(new Reference("Patient/" + FhirTestClient.unique("p")));
    return observation;
  }
}
