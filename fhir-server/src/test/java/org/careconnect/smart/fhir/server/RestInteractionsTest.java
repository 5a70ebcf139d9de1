package org.careconnect.smart.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST interactions over raw HTTP: versions, ETags, conditions, Prefer, history, formats. */
@FhirServerIntegrationTest
class RestInteractionsTest {

  @LocalServerPort int port;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  private static String patient(String family, String extra) {
    return "{\"resourceType\":\"Patient\"" + extra + ",\"name\":[{\"use\":\"official\",\"family\":\"" + family + "\"}]}";
  }

  private String create(String family) {
    HttpResponse<String> created = client.postJson("Patient", patient(family, ""));
    assertThat(created.statusCode()).isEqualTo(201);
    return client.parse(Patient.class, created.body()).getIdElement().getIdPart();
  }

  private HttpResponse<String> put(String id, String body, String... headers) {
    return client.send("PUT", "Patient/" + id, "application/fhir+json", body, headers);
  }

  @Test
  void readCarriesETagAndLastModifiedAndVreadReturnsAnOldVersion() {
    String family = FhirTestClient.unique("Etag");
    String id = create(family);
    put(id, patient(family + "b", ",\"id\":\"" + id + "\""));

    HttpResponse<String> current = client.get("Patient/" + id);
    HttpResponse<String> first = client.get("Patient/" + id + "/_history/1");

    assertThat(current.headers().firstValue("ETag")).hasValue("W/\"2\"");
    assertThat(current.headers().firstValue("Last-Modified")).isPresent();
    assertThat(client.parse(Patient.class, first.body()).getNameFirstRep().getFamily()).isEqualTo(family);
    assertThat(client.get("Patient/" + id + "/_history/3").statusCode()).isEqualTo(404);
  }

  @Test
  void updateWithCurrentIfMatchSucceedsAndWithAStaleOneGets412() {
    String family = FhirTestClient.unique("Match");
    String id = create(family);
    String body = patient(family, ",\"id\":\"" + id + "\"");

    HttpResponse<String> fresh = put(id, body, "If-Match", "W/\"1\"");
    HttpResponse<String> stale = put(id, body, "If-Match", "W/\"1\"");

    assertThat(fresh.statusCode()).isEqualTo(200);
    assertThat(fresh.headers().firstValue("ETag")).hasValue("W/\"2\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(client.parse(OperationOutcome.class, stale.body()).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Version conflict: Patient/" + id + " is at version 2, not 1");
    assertThat(client.get("Patient/" + id).headers().firstValue("ETag")).hasValue("W/\"2\"");
  }

  @Test
  void updateOfAnUnknownIdCreatesItWith201() {
    String id = FhirTestClient.unique("client-id-");

    HttpResponse<String> response = put(id, patient("Newcomer", ",\"id\":\"" + id + "\""));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(client.get("Patient/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void conditionalCreateMakesNothingWhenOneMatchesAndRefusesWhenSeveralDo() {
    String family = FhirTestClient.unique("Cond");
    String first = create(family);

    HttpResponse<String> again = client.postJson("Patient", patient(family, ""), "If-None-Exist", "family:exact=" + family);
    create(family);
    HttpResponse<String> ambiguous = client.postJson("Patient", patient(family, ""), "If-None-Exist", "family:exact=" + family);
    HttpResponse<String> fresh = client.postJson("Patient", patient(family + "z", ""), "If-None-Exist", "family:exact=" + family + "z");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("Location").orElseThrow()).contains("Patient/" + first + "/_history/1");
    assertThat(ambiguous.statusCode()).isEqualTo(412);
    assertThat(fresh.statusCode()).isEqualTo(201);
    assertThat(client.parse(Bundle.class, client.get("Patient?family:exact=" + family).body()).getTotal()).isEqualTo(2);
  }

  @Test
  void conditionalUpdateAndDeleteActOnTheOneMatch() {
    String family = FhirTestClient.unique("Condup");
    String id = create(family);

    HttpResponse<String> updated = client.send("PUT", "Patient?family:exact=" + family, "application/fhir+json",
        patient(family, ",\"gender\":\"female\""));
    HttpResponse<String> deleted = client.send("DELETE", "Patient?family:exact=" + family, null, null);

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.body()).contains("\"id\":\"" + id + "\"").contains("\"gender\":\"female\"");
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(client.get("Patient/" + id).statusCode()).isEqualTo(410);
  }

  @Test
  void preferDecidesWhatACreateReturns() {
    HttpResponse<String> minimal = client.postJson("Patient", patient(FhirTestClient.unique("Min"), ""), "Prefer", "return=minimal");
    HttpResponse<String> outcome = client.postJson("Patient", patient(FhirTestClient.unique("Oo"), ""), "Prefer", "return=OperationOutcome");
    HttpResponse<String> full = client.postJson("Patient", patient(FhirTestClient.unique("Rep"), ""), "Prefer", "return=representation");

    assertThat(minimal.statusCode()).isEqualTo(201);
    assertThat(minimal.body()).isEmpty();
    assertThat(minimal.headers().firstValue("Location")).isPresent();
    assertThat(outcome.statusCode()).isEqualTo(201);
    assertThat(client.parse(OperationOutcome.class, outcome.body()).getIssueFirstRep().getDiagnostics())
        .startsWith("Created Patient/").endsWith("/_history/1");
    assertThat(full.body()).contains("\"resourceType\":\"Patient\"");
  }

  @Test
  void typeHistoryListsVersionsNewestFirstAndHonoursSince() {
    String family = FhirTestClient.unique("Hist");
    String id = create(family);
    put(id, patient(family, ",\"id\":\"" + id + "\",\"gender\":\"male\""));

    Bundle history = client.parse(Bundle.class, client.get("Patient/_history?_count=200").body());
    Bundle instance = client.parse(Bundle.class, client.get("Patient/" + id + "/_history").body());
    Bundle future = client.parse(Bundle.class, client.get("Patient/_history?_since=2999-01-01T00:00:00Z").body());

    assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
    assertThat(history.getTotal()).isGreaterThanOrEqualTo(2);
    assertThat(instance.getEntry()).extracting(e -> e.getResource().getIdElement().getVersionIdPart())
        .containsExactly("2", "1");
    assertThat(future.getTotal()).isZero();
  }

  @Test
  void xmlIsReadAndWrittenLikeJson() {
    String family = FhirTestClient.unique("Xmlrt");
    String id = create(family);

    HttpResponse<String> xml = client.get("Patient/" + id, "Accept", "application/fhir+xml");
    HttpResponse<String> formatted = client.get("Patient/" + id + "?_format=xml");

    assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+xml");
    assertThat(xml.body()).contains("<Patient xmlns=\"http://hl7.org/fhir\">").contains("<family value=\"" + family + "\"/>");
    assertThat(formatted.body()).startsWith("<Patient");
  }

  @Test
  void deletingTwiceIsHarmlessAndDeletingTheUnknownIs404() {
    String id = create(FhirTestClient.unique("Twice"));

    HttpResponse<String> first = client.send("DELETE", "Patient/" + id, null, null);
    HttpResponse<String> second = client.send("DELETE", "Patient/" + id, null, null);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(client.parse(OperationOutcome.class, first.body()).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Deleted Patient/" + id + "/_history/2");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(client.parse(OperationOutcome.class, second.body()).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Patient/" + id + " was already deleted");
    assertThat(client.send("DELETE", "Patient/no-such-patient", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void theRequestIdIsEchoedOnceOrMadeUp() {
    String id = FhirTestClient.unique("req-");
    HttpResponse<String> echoed = client.get("Patient?_count=1", "x-request-id", id);
    HttpResponse<String> madeUp = client.get("Patient?_count=1");

    assertThat(echoed.headers().allValues("X-Request-ID")).containsExactly(id);
    // made up by the first filter of every request (service-support's RequestIdFilter), as a UUID
    assertThat(madeUp.headers().allValues("X-Request-ID")).singleElement().asString()
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }
}
