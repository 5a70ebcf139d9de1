package org.careconnect.smart.fhir.facade;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.careconnect.smart.fhir.facade.LegacyPasPatientStore.PasRow;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The seam swapped: Patients come from a second store implementation (a PAS), every other type
 * still from the relational store, through the same HTTP API.
 */
@FhirServerIntegrationTest
@Import(PasFacadeTest.PasConfiguration.class)
class PasFacadeTest {

  @TestConfiguration
  static class PasConfiguration {
    @Bean
    LegacyPasPatientStore legacyPasPatientStore() {
      return new LegacyPasPatientStore(Map.of(
          "H100001", new PasRow("H100001", "9990000018", "Okafor", "Grace", LocalDate.of(1961, 5, 4), 'F'),
          "H100002", new PasRow("H100002", "9990000026", "O'Neill", "Liam", LocalDate.of(1988, 11, 23), 'M')));
    }
  }

  @LocalServerPort int port;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  @Test
  void readServesThePasRowAsACareConnectPatient() {
    HttpResponse<String> response = client.get("Patient/H100001");

    Patient patient = client.parse(Patient.class, response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Okafor");
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9990000018");
    assertThat(patient.getMeta().getProfile().get(0).getValue()).endsWith("CareConnect-Patient-1");
  }

  @Test
  void searchByNhsNumberIsAnsweredByThePas() {
    HttpResponse<String> response = client.get("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000026");

    Bundle bundle = client.parse(Bundle.class, response.body());
    assertThat(bundle.getTotal()).isEqualTo(1);
    assertThat(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo("H100002");
  }

  @Test
  void searchThePasCannotAnswerGetsA400NamingTheParameter() {
    HttpResponse<String> response = client.get("Patient?birthdate=1961");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Search by 'birthdate' is not supported for patients held in the PAS");
  }

  @Test
  void writesToThePasAreRefusedWith405() {
    HttpResponse<String> response = client.postJson("Patient",
        "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"Valid\"}]}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).contains("Patients are registered in the PAS");
  }

  @Test
  void otherTypesStillUseTheRelationalStore() {
    HttpResponse<String> created = client.postJson("Organization",
        "{\"resourceType\":\"Organization\",\"name\":\"" + FhirTestClient.unique("Practice") + "\"}");
    HttpResponse<String> history = client.get("Patient/H100001/_history");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(history.statusCode()).isEqualTo(200);
  }
}
