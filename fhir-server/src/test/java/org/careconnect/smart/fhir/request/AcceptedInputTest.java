package org.careconnect.smart.fhir.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The request guards refuse bad input only: ordinary requests of every shape still work. */
@FhirServerIntegrationTest
class AcceptedInputTest {

  @LocalServerPort int port;
  FhirTestClient client;
  RawHttp raw;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
    raw = new RawHttp(port);
  }

  @Test
  void xmlResourceIsCreated() {
    String family = FhirTestClient.unique("Xml");
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Patient xmlns=\"http://hl7.org/fhir\">"
        + "<name><use value=\"official\"/><family value=\"" + family + "\"/></name></Patient>";

    int status = client.send("POST", "Patient", "application/fhir+xml", body).statusCode();

    assertThat(status).isEqualTo(201);
    assertThat(patientsWithFamily(family)).isEqualTo(1);
  }

  @Test
  void plainJsonContentTypeWithCharsetIsAccepted() {
    String family = FhirTestClient.unique("Json");

    int status = client.send("POST", "Patient", "application/json; charset=UTF-8", patientJson(family)).statusCode();

    assertThat(status).isEqualTo(201);
  }

  @Test
  void gzipBodyWithinTheLimitIsCreated() throws IOException {
    String family = FhirTestClient.unique("Gzip");
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(patientJson(family).getBytes(StandardCharsets.UTF_8));
    }

    RawHttp.Response response = raw.send("POST", client.base() + "/Patient",
        List.of("Content-Type", "application/fhir+json", "Content-Encoding", "gzip"), compressed.toByteArray(), false);

    assertThat(response.status()).isEqualTo(201);
    assertThat(client.parse(Patient.class, response.body()).getNameFirstRep().getFamily()).isEqualTo(family);
  }

  @Test
  void chunkedBodyWithinTheLimitIsCreated() {
    String family = FhirTestClient.unique("Chunked");

    RawHttp.Response response = raw.send("POST", client.base() + "/Patient",
        List.of("Content-Type", "application/fhir+json"), patientJson(family).getBytes(StandardCharsets.UTF_8), true);

    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void nestingWithinTheLimitIsAccepted() {
    String family = FhirTestClient.unique("Nested");
    // 45 nested extensions: 93 levels of JSON objects and arrays, under the limit of 100
    String extensions = "{\"url\":\"http://example.org/x\",\"extension\":[".repeat(45)
        + "{\"url\":\"http://example.org/x\",\"valueString\":\"v\"}" + "]}".repeat(45);
    String body = "{\"resourceType\":\"Patient\",\"extension\":[" + extensions + "],\"name\":[{\"use\":\"official\",\"family\":\"" + family + "\"}]}";

    int status = client.postJson("Patient", body).statusCode();

    assertThat(status).isEqualTo(201);
  }

  @Test
  void searchByPostWithAFormIsStillASearch() {
    String family = FhirTestClient.unique("Formsearch");
    client.postJson("Patient", patientJson(family));

    var response = client.send("POST", "Patient/_search", "application/x-www-form-urlencoded", "family=" + family);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.parse(Bundle.class, response.body()).getTotal()).isEqualTo(1);
  }

  @Test
  void tokenSearchWithAnUnencodedBarIsAnswered() {
    String family = FhirTestClient.unique("Bar");
    client.postJson("Patient", patientJson(family));

    RawHttp.Response response = raw.sendRaw("GET",
        "/fhir/STU3/Patient?family=" + family + "&identifier=https://example.org/no-such|x",
        List.of("Accept", "application/fhir+json"), new byte[0], 0);

    assertThat(response.status()).isEqualTo(200);
    assertThat(client.parse(Bundle.class, response.body()).getTotal()).isZero();
  }

  @Test
  void validBodyIdOfACreateIsIgnoredAsFhirSays() {
    var response = client.postJson("Patient",
        "{\"resourceType\":\"Patient\",\"id\":\"client-chosen\",\"name\":[{\"use\":\"official\",\"family\":\"Chosen\"}]}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(client.parse(Patient.class, response.body()).getIdElement().getIdPart()).isNotEqualTo("client-chosen");
  }

  @Test
  void operationByPostWithoutABodyIsNotRefusedForLackingOne() {
    String id = client.parse(Patient.class,
        client.postJson("Patient", patientJson(FhirTestClient.unique("Everything"))).body()).getIdElement().getIdPart();

    var response = client.send("POST", "Patient/" + id + "/$everything", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void transactionInXmlIsProcessed() {
    String family = FhirTestClient.unique("Xmltx");
    String body = "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/><entry>"
        + "<fullUrl value=\"urn:uuid:6f1c1f3e-7d0f-4b51-9a36-000000000001\"/><resource><Patient>"
        + "<name><use value=\"official\"/><family value=\"" + family + "\"/></name></Patient></resource>"
        + "<request><method value=\"POST\"/><url value=\"Patient\"/></request></entry></Bundle>";

    var response = client.send("POST", client.base(), "application/fhir+xml", body, "Accept", "application/fhir+json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(client.parse(Bundle.class, response.body()).getEntryFirstRep().getResponse().getStatus())
        .isEqualTo("201 Created");
    assertThat(patientsWithFamily(family)).isEqualTo(1);
  }

  private int patientsWithFamily(String family) {
    return client.parse(Bundle.class, client.get("Patient?family:exact=" + family).body()).getTotal();
  }

  private static String patientJson(String family) {
    return "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"" + family + "\"}]}";
  }
}
