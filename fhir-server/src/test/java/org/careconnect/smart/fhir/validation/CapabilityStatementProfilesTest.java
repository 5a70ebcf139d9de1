package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import java.util.Objects;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class CapabilityStatementProfilesTest {

  @LocalServerPort int port;

  @Test
  void everyServedCareConnectTypeNamesItsProfileAndTheStatementListsThemOnce() {
    FhirTestClient client = new FhirTestClient(port);
    var response = client.get("metadata");
    CapabilityStatement statement = client.parse(CapabilityStatement.class, response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    var resources = statement.getRestFirstRep().getResource();
    assertThat(resources).extracting(CapabilityStatementRestResourceComponent::getType).contains("Patient");
    for (CapabilityStatementRestResourceComponent resource : resources) {
      // Types without a Care Connect profile (HAPI's own OperationDefinition) keep what HAPI says.
      if (CareConnectProfiles.of(resource.getType()) != null) {
        assertThat(resource.getProfile().getReference()).as(resource.getType())
            .isEqualTo(CareConnectProfiles.of(resource.getType()));
      }
    }
    assertThat(statement.getProfile()).extracting(Reference::getReference)
        .containsExactlyElementsOf(resources.stream()
            .map(r -> CareConnectProfiles.of(r.getType()))
            .filter(Objects::nonNull)
            .toList())
        .contains("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1")
        .doesNotHaveDuplicates();
  }

  @Test
  void validateOperationIsDeclaredForPatient() {
    FhirTestClient client = new FhirTestClient(port);
    CapabilityStatement statement = client.parse(CapabilityStatement.class, client.get("metadata").body());

    var patient = statement.getRestFirstRep().getResource().stream()
        .filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
    assertThat(statement.getRestFirstRep().getOperation()).extracting(o -> o.getName()).contains("validate");
    assertThat(patient.getProfile().getReference())
        .isEqualTo("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1");
  }
}
