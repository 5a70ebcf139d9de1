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
  void resourcesVersionsAndSearchIndexesSurviveARestart() throws Exception {
    String family = FhirTestClient.unique("Restart");
    String id;
    try (FhirServerProcess server = new FhirServerProcess(dataDir).start()) {
      IGenericClient fhir = FhirTestClient.context().newRestfulGenericClient(server.base());
      Patient patient = new Patient();
      patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("First");
      id = fhir.create().resource(patient).execute().getId().getIdPart();
      patient.setId(id);
      patient.getNameFirstRep().getGiven().get(0).setValue("Second");
      fhir.update().resource(patient).execute();
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
      assertThat(found.getTotal()).isEqualTo(1);
      assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(id);
    }
  }
}
