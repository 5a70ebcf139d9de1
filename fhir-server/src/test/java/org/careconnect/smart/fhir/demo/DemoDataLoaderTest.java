package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.validation.NhsNumber;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The loader in a real server started in the demo profile, on a database of its own (the shared
 * test database already holds other tests' patients, and the loader only loads into a store
 * without any).
 */
@SpringBootTest(
    classes = FhirServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:fhir-demo-loader;MODE=MySQL;DB_CLOSE_DELAY=-1",
      "careconnect.demo.patients=5",
      // reads the loaded population over the API without tokens: the loader is under test here
      "careconnect.fhir.security.enabled=false",
      "careconnect.demo.seed=20250630"
    })
@ActiveProfiles({"test", "demo"})
class DemoDataLoaderTest {

  /** The population the server loaded at start-up, generated again: the generator is deterministic. */
  private static final DemoPopulation POPULATION = new DemoPopulation(20250630, 5);

  @LocalServerPort int port;
  @Autowired DemoDataLoader loader;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  @Test
  void eachLoadedPatientIsFoundByNhsNumberOverHttp() {
    for (List<Resource> resources : POPULATION.patients()) {
      Patient patient = (Patient) resources.get(0);
      String nhsNumber = patient.getIdentifierFirstRep().getValue();

      Bundle found = search("Patient?identifier=" + NhsNumber.SYSTEM + "%7C" + nhsNumber);

      assertThat(found.getTotal()).isEqualTo(1);
      assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart())
          .isEqualTo(patient.getIdElement().getIdPart());
    }
  }

  @Test
  void vitalSignsOfAPatientAreSearchableByPatientAndCategory() {
    List<Resource> first = POPULATION.patients().iterator().next();
    String patientId = first.get(0).getIdElement().getIdPart();
    long vitalSigns =
        first.stream()
            .filter(r -> r instanceof Observation o
                && o.getCategoryFirstRep().getCodingFirstRep().getCode().equals("vital-signs"))
            .count();

    Bundle found = search("Observation?patient=" + patientId + "&category=vital-signs&_count=200");

    assertThat(vitalSigns).isGreaterThan(10);
    assertThat(found.getTotal()).isEqualTo(vitalSigns);
    assertThat(found.getEntry())
        .allSatisfy(e -> assertThat(((Observation) e.getResource()).getSubject().getReference())
            .isEqualTo("Patient/" + patientId));
  }

  @Test
  void everyTypeTheServerServesHoldsExactlyTheGeneratedResourcesOfThatType() {
    Map<String, Integer> generated = new TreeMap<>();
    DemoPopulationTest.all(POPULATION).forEach(r -> generated.merge(r.fhirType(), 1, Integer::sum));
    CapabilityStatement capabilities =
        client.parse(CapabilityStatement.class, client.get("metadata").body());
    List<String> served =
        capabilities.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList();

    assertThat(served).contains("Patient");
    for (String type : served) {
      if (generated.containsKey(type)) {
        assertThat(search(type + "?_count=1").getTotal()).as(type).isEqualTo(generated.get(type));
      }
    }
  }

  @Test
  void theLoaderDoesNotLoadAgainWhenPatientsExist() {
    Map<String, Integer> written = loader.load();

    assertThat(written).isNull();
    assertThat(search("Patient?_count=1").getTotal()).isEqualTo(5);
  }

  private Bundle search(String query) {
    var response = client.get(query);
    assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
    return client.parse(Bundle.class, response.body());
  }
}
