package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

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
 * Ids that differ only in case, and codes and {@code :exact} strings that differ only in case or
 * accents, are different values (FHIR STU3 §2.1.0.10 ids, §3.1.1.4.9 tokens, §3.1.1.4.8
 * {@code :exact}). On MySQL and MariaDB
 * this holds only because every table is utf8mb4_bin (migration V3): their usual default
 * collations would make these pairs collide. Runs on H2 and, in the MariaDB suites, on MariaDB.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAndAccentSensitivityTest {

  static final String SYSTEM = "https://careconnect.example/case-test";

  @LocalServerPort int port;
  SearchApi api;
  final String id = FhirTestClient.unique("case");
  final String family = FhirTestClient.unique("Case");

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    api.put(practitioner(id + "-abc", family + "Müller", "CODE-A"));
    api.put(practitioner(id + "-ABC", family + "MÜLLER", "code-a"));
    api.put(practitioner(id + "-Abc", family + "Muller", "CODE-Á"));
  }

  @Test
  void idsDifferingOnlyInCaseAreDifferentResources() {
    assertThat(family(id + "-abc")).isEqualTo(family + "Müller");
    assertThat(family(id + "-ABC")).isEqualTo(family + "MÜLLER");
    assertThat(family(id + "-Abc")).isEqualTo(family + "Muller");
    assertThat(api.matchIdSet("Practitioner?" + param("_id", id + "-ABC"))).containsExactly(id + "-ABC");
  }

  @Test
  void exactStringMatchesCaseAndAccents() {
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", family + "Müller")))
        .containsExactly(id + "-abc");
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", family + "MÜLLER")))
        .containsExactly(id + "-ABC");
    assertThat(api.matchIdSet("Practitioner?" + param("family:exact", family + "muller"))).isEmpty();
  }

  @Test
  void defaultStringSearchStillIgnoresCaseAndAccents() {
    assertThat(api.matchIdSet("Practitioner?" + param("family", family + "muller")))
        .containsExactlyInAnyOrder(id + "-abc", id + "-ABC", id + "-Abc");
  }

  @Test
  void tokenCodesMatchCaseAndAccents() {
    assertThat(api.matchIdSet("Practitioner?" + param("identifier", SYSTEM + "|CODE-A")))
        .containsExactly(id + "-abc");
    assertThat(api.matchIdSet("Practitioner?" + param("identifier", SYSTEM + "|code-a")))
        .containsExactly(id + "-ABC");
    assertThat(api.matchIdSet("Practitioner?" + param("identifier", SYSTEM + "|CODE-Á")))
        .containsExactly(id + "-Abc");
  }

  private String family(String practitionerId) {
    return api.client().fhir().read().resource(Practitioner.class).withId(practitionerId).execute()
        .getNameFirstRep().getFamily();
  }

  private static Practitioner practitioner(String id, String family, String code) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(id);
    practitioner.addIdentifier().setSystem(SYSTEM).setValue(code);
    practitioner.addName().setUse(HumanName.NameUse.USUAL).setFamily(family).addGiven("Case");
    return practitioner;
  }
}
