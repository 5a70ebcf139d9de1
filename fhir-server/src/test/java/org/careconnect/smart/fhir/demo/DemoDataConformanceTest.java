package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.careconnect.smart.fhir.validation.ResourceValidator;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every resource of a small demo population passes the server's own Care Connect validation,
 * the one every create and update goes through: demo data must be data the API would accept.
 */
@FhirServerIntegrationTest
class DemoDataConformanceTest {

  /** Seed 1 with 10 patients yields every kind of resource the generator makes. */
  private static final DemoPopulation POPULATION = new DemoPopulation(1, 10);

  @Autowired ResourceValidator validator;

  @Test
  void theSmallPopulationHasEveryKindOfResourceTheGeneratorMakes() {
    Set<String> types = new TreeSet<>();
    DemoPopulationTest.all(POPULATION).forEach(r -> types.add(r.fhirType()));

    assertThat(types).isEqualTo(new TreeSet<>(CareConnectProfiles.all().keySet()));
  }

  @Test
  void everyResourceOfThePopulationIsValidCareConnect() {
    List<Resource> all = DemoPopulationTest.all(POPULATION);

    assertThat(all).hasSizeGreaterThan(300);
    for (Resource resource : all) {
      assertThatCode(() -> validator.requireValid(resource))
          .as(resource.fhirType() + "/" + resource.getIdElement().getIdPart())
          .doesNotThrowAnyException();
    }
  }
}
