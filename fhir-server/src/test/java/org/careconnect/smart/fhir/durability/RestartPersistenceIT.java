package org.careconnect.smart.fhir.durability;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Path;
import org.careconnect.smart.fhir.support.FhirServerProcess;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps everything across a restart: resources, versions and indexes. */
class RestartPersistenceIT {

  @TempDir Path dataDir;

  @Test
  void restartWhenStoppedGracefullyThenResourcesVersionsIndexesAndPagingLinksSurvive() throws Exception {
    String family = FhirTestClient.unique("Restart");
    String id;
    String nextPage;
    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      IGenericClient fhir = FhirTestClient.context().newRestfulGenericClient(server.base());
      Patient patient = new Patient();
      patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("First");
      id = fhir.create().resource(patient).execute().getId().getIdPart();
      patient.setId(id);
      patient.getNameFirstRep().getGiven().get(0).setValue("Second");
      fhir.update().resource(patient).execute();
      Patient sibling = new Patient();
      sibling.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("Sibling");
      fhir.create().resource(sibling).execute();
      nextPage = fhir.search().byUrl("Patient?family=" + family + "&_count=1")
          .returnBundle(Bundle.class).execute().getLink("next").getUrl();
      server.stop();
    }

    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      IGenericClient fhir = FhirTestClient.context().newRestfulGenericClient(server.base());
      Patient current = fhir.read().resource(Patient.class).withId(id).execute();
      Patient first = fhir.read().resource(Patient.class).withIdAndVersion(id, "1").execute();
      Bundle found = fhir.search().byUrl("Patient?family=" + family).returnBundle(Bundle.class).execute();

      assertThat(current.getIdElement().getVersionIdPart()).isEqualTo("2");
      assertThat(current.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Second");
      assertThat(first.getNameFirstRep().getGivenAsSingleString()).isEqualTo("First");
      assertThat(found.getTotal()).isEqualTo(2);
      assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(id);

      // A paging link from before the restart still works: its signing key is in the database.
      String samePageOnNewServer = nextPage.replaceAll("^http://[^/]+", "http://127.0.0.1:" + server.port());
      Bundle secondPage = fhir.search().byUrl(samePageOnNewServer).returnBundle(Bundle.class).execute();
      assertThat(secondPage.getEntry()).hasSize(1);
    }
  }
}
