package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.support.SearchApi.param;

import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The parameters of every type: {@code _id} and {@code _lastUpdated} (FHIR STU3 §3.1.1.3). */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommonParametersTest {

  @LocalServerPort int port;
  SearchApi api;
  String first;
  String second;
  InstantType firstUpdated;

  @BeforeAll
  void store() {
    api = new SearchApi(port);
    first = api.post(organization());
    second = api.post(organization());
    firstUpdated = api.bundle("Organization?_id=" + first).getEntryFirstRep().getResource().getMeta().getLastUpdatedElement();
  }

  @Test
  void idMatchesTheLogicalId() {
    assertThat(api.matchIds("Organization?_id=" + first)).containsExactly(first);
  }

  @Test
  void idsSeparatedByCommasAreOred() {
    assertThat(api.matchIdSet("Organization?_id=" + first + "," + second)).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void repeatedIdsAreAnded() {
    assertThat(api.matchIds("Organization?_id=" + first + "&_id=" + second)).isEmpty();
  }

  @Test
  void idOfAnotherTypeMatchesNothing() {
    assertThat(api.matchIds("Practitioner?_id=" + first)).isEmpty();
  }

  @Test
  void lastUpdatedComparesWithTheTimeOfTheCurrentVersion() {
    String at = firstUpdated.getValueAsString();
    String both = "&_id=" + first + "," + second;

    assertThat(api.matchIds("Organization?" + param("_lastUpdated", at) + "&_id=" + first)).containsExactly(first);
    assertThat(api.matchIds("Organization?" + param("_lastUpdated", "lt" + at) + both)).isEmpty();
    assertThat(api.matchIdSet("Organization?" + param("_lastUpdated", "ge" + at) + both))
        .containsExactlyInAnyOrder(first, second);
    assertThat(api.matchIdSet("Organization?" + param("_lastUpdated", "ge2000-01-01") + "&"
        + param("_lastUpdated", "lt2000-01-02") + both)).isEmpty();
  }

  @Test
  void lastUpdatedAtDayPrecisionMatchesTheWholeDay() {
    String day = firstUpdated.getValueAsString().substring(0, 10);

    assertThat(api.matchIds("Organization?" + param("_lastUpdated", day) + "&_id=" + first)).containsExactly(first);
  }

  @Test
  void unknownParameterIsRefusedWithAnOperationOutcomeNamingIt() {
    assertThat(api.badRequest("Organization?" + param("colour", "blue"))).contains("colour");
    assertThat(api.badRequest("Observation?" + param("patient", "1") + "&" + param("favourite", "x")))
        .contains("favourite");
  }

  private static Organization organization() {
    Organization organization = new Organization();
    organization.addIdentifier().setSystem("https://fhir.nhs.uk/Id/ods-organization-code")
        .setValue(FhirTestClient.unique("ODS"));
    organization.setName(FhirTestClient.unique("Common parameters"));
    return organization;
  }
}
