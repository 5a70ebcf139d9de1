package org.careconnect.smart.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SearchApi;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code Bundle.total} of a one-parameter search (counted from the index alone). */
@FhirServerIntegrationTest
class SearchTotalTest {

  @LocalServerPort int port;

  @Test
  void countsEachMatchOnceAndNoDeletedResource() {
    SearchApi api = new SearchApi(port);
    String family = FhirTestClient.unique("Total");
    Patient twoNames = patient(family);
    twoNames.addName().setUse(HumanName.NameUse.MAIDEN).setFamily(family + "son");
    api.post(twoNames);
    api.post(patient(family));
    String deleted = api.post(patient(family));
    assertThat(api.client().send("DELETE", "Patient/" + deleted, null, null).statusCode()).isEqualTo(200);

    assertThat(api.bundle("Patient?family=" + family).getTotal()).isEqualTo(2);
    assertThat(api.bundle("Patient?family=" + family + "&_count=1").getTotal()).isEqualTo(2);
  }

  private static Patient patient(String family) {
    Patient patient = new Patient();
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family);
    return patient;
  }
}
