package org.careconnect.smart.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CapabilityStatement (built by HAPI from each provider's {@code @Search} method) lists
 * exactly the search parameters each type's SearchParameters class declares, with their types,
 * and an {@code _include} for each reference parameter: the two declarations cannot drift apart.
 */
@FhirServerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapabilityStatementSearchParametersTest {

  @LocalServerPort int port;
  @Autowired SearchParameterRegistry registry;
  Map<String, CapabilityStatementRestResourceComponent> resources;

  @BeforeAll
  void readCapabilityStatement() {
    FhirTestClient client = new FhirTestClient(port);
    var response = client.get("metadata");
    assertThat(response.statusCode()).isEqualTo(200);
    CapabilityStatement statement = client.parse(CapabilityStatement.class, response.body());
    resources = statement.getRestFirstRep().getResource().stream()
        .collect(Collectors.toMap(CapabilityStatementRestResourceComponent::getType, r -> r));
  }

  @Test
  void everyTypeWithSearchParametersIsInTheCapabilityStatement() {
    Set<String> declared = registry.all().stream().map(ResourceSearchParameters::typeName).collect(Collectors.toSet());

    assertThat(resources.keySet()).containsAll(declared);
  }

  @Test
  void searchParametersOfEachTypeAreThoseItsClassDeclaresPlusIdAndLastUpdated() {
    for (ResourceSearchParameters<?> declared : registry.all()) {
      Map<String, String> expected = new TreeMap<>();
      expected.put("_id", "token");
      expected.put("_lastUpdated", "date");
      declared.all().forEach(p -> expected.put(p.name(), p.type().name().toLowerCase()));

      Map<String, String> listed = new TreeMap<>();
      resources.get(declared.typeName()).getSearchParam()
          .forEach(p -> listed.put(p.getName(), p.getType().toCode()));

      assertThat(listed).as(declared.typeName()).isEqualTo(expected);
    }
  }

  @Test
  void includesOfEachTypeAreItsReferenceParameters() {
    for (ResourceSearchParameters<?> declared : registry.all()) {
      Set<String> expected = declared.all().stream()
          .filter(p -> p.type() == SearchParamType.REFERENCE)
          .map(p -> declared.typeName() + ":" + p.name())
          .collect(Collectors.toCollection(TreeSet::new));

      Set<String> listed = resources.get(declared.typeName()).getSearchInclude().stream()
          .map(StringType::getValue).collect(Collectors.toCollection(TreeSet::new));

      assertThat(listed).as(declared.typeName()).isEqualTo(expected);
    }
  }

  @Test
  void patientDataTypesListThePatientParameterThatSmartAppsSearchBy() {
    for (ResourceSearchParameters<?> declared : registry.all()) {
      if (declared.patientLink() != null) {
        assertThat(resources.get(declared.typeName()).getSearchParam())
            .as(declared.typeName())
            .anyMatch(p -> p.getName().equals("patient") && p.getType().toCode().equals("reference"));
      }
    }
  }
}
