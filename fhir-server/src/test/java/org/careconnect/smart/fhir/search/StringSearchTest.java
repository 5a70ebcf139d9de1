package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

import java.util.Locale;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * String search (FHIR STU3 §3.1.1.4.8 "string"): by default a case- and accent-insensitive match
 * of the start of the value; {@code :exact} the whole value, exactly; {@code :contains} anywhere.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StringSearchTest {

  @LocalServerPort int port;
  SearchApi api;

  /** A prefix no other test uses, so every family name here starts uniquely. */
  final String prefix = FhirTestClient.unique("Str");
  String angstrom;
  String bennett;

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    angstrom = api.post(practitioner(prefix + "Ångström", "Ada"));
    bennett = api.post(practitioner(prefix + "Bennett", "Bob"));
  }

  @Test
  void defaultMatchesTheStartOfTheValue() {
    assertThat(api.matchIdSet("Practitioner?" + param("family", prefix))).containsExactlyInAnyOrder(angstrom, bennett);
    assertThat(api.matchIdSet("Practitioner?" + param("family", prefix + "Ben"))).containsExactly(bennett);
  }

  @Test
  void defaultDoesNotMatchInsideTheValue() {
    assertThat(api.matchIdSet("Practitioner?" + param("family", prefix.substring(3) + "Ben"))).isEmpty();
  }

  @Test
  void defaultIgnoresCase() {
    assertThat(api.matchIdSet("Practitioner?" + param("family", prefix.toUpperCase(Locale.ROOT) + "BENNETT")))
        .containsExactly(bennett);
  }

  @Test
  void defaultIgnoresAccents() {
    assertThat(api.matchIdSet("Practitioner?" + param("family", prefix.toLowerCase(Locale.ROOT) + "angstrom")))
        .containsExactly(angstrom);
  }

  @Test
  void exactMatchesTheWholeValueWithCaseAndAccents() {
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", prefix + "Ångström"))).containsExactly(angstrom);
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", prefix + "Angstrom"))).isEmpty();
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", prefix + "ångström"))).isEmpty();
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", prefix + "Ång"))).isEmpty();
  }

  @Test
  void containsMatchesAnywhereIgnoringCaseAndAccents() {
    String middle = prefix.substring(3);

    assertThat(api.matchIdSet("Practitioner?" + param("family:contains", middle + "ANGSTR"))).containsExactly(angstrom);
    assertThat(api.matchIdSet("Practitioner?" + param("family:contains", "nnet")))
        .contains(bennett).doesNotContain(angstrom);
  }

  @Test
  void nameMatchesAnyPartOfTheName() {
    assertThat(api.matchIdSet("Practitioner?" + param("name", prefix + "Bennett"))).containsExactly(bennett);
    assertThat(api.matchIdSet("Practitioner?" + param("family", prefix) + "&" + param("name", "Ada")))
        .containsExactly(angstrom);
  }

  @Test
  void commaSeparatedValuesAreOred() {
    String query = "Practitioner?" + param("family", prefix + "Ång," + prefix + "Ben");

    assertThat(api.matchIdSet(query)).containsExactlyInAnyOrder(angstrom, bennett);
  }

  @Test
  void repeatedParametersAreAnded() {
    String both = "Practitioner?" + param("family", prefix) + "&" + param("given", "Bob");
    String neither = "Practitioner?" + param("family", prefix + "Ång") + "&" + param("given", "Bob");

    assertThat(api.matchIdSet(both)).containsExactly(bennett);
    assertThat(api.matchIdSet(neither)).isEmpty();
  }

  @Test
  void unsupportedModifierIsRefusedNamingIt() {
    assertThat(api.badRequest("Practitioner?" + param("family:missing", "true")))
        .contains("':missing'").contains("'family'");
  }

  private static Practitioner practitioner(String family, String given) {
    Practitioner practitioner = new Practitioner();
    practitioner.addName().setUse(HumanName.NameUse.USUAL).setFamily(family).addGiven(given);
    return practitioner;
  }
}
