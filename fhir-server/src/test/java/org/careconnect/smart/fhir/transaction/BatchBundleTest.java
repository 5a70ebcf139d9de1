package org.careconnect.smart.fhir.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.transaction.Bundles.SYSTEM;
import static org.careconnect.smart.fhir.transaction.Bundles.linkedTo;
import static org.careconnect.smart.fhir.transaction.Bundles.patient;
import static org.careconnect.smart.fhir.transaction.Bundles.urn;
import static org.careconnect.smart.fhir.transaction.Bundles.withId;

import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class BatchBundleTest {

  @LocalServerPort int port;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  @Test
  void batchEntriesSucceedOrFailEachOnTheirOwn() {
    String first = FhirTestClient.unique("batch-1-");
    String second = FhirTestClient.unique("batch-2-");
    String existingId = createPatient(FhirTestClient.unique("batch-existing-"));
    String deletedId = createPatient(FhirTestClient.unique("batch-deleted-"));
    String bundle = Bundles.batch()
        .post(urn(), patient(first))
        .putIfMatch("Patient/" + existingId, withId(patient("changed"), existingId), "W/\"9\"")
        .get("Patient/batch-no-such-patient")
        .post(urn(), patient(second))
        .delete("Patient/" + deletedId)
        .get("Patient/" + existingId)
        .get("Patient/" + deletedId + "/_history/1")
        .json(client);

    HttpResponse<String> response = client.postJson(client.base(), bundle);

    assertThat(response.statusCode()).isEqualTo(200);
    Bundle result = client.parse(Bundle.class, response.body());
    assertThat(result.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
    assertThat(result.getEntry()).extracting(e -> e.getResponse().getStatus())
        .containsExactly("201 Created", "412 Precondition Failed", "404 Not Found", "201 Created",
            "204 No Content", "200 OK", "200 OK");
    assertThat(outcome(result.getEntry().get(1)).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Bundle.entry[1] (PUT Patient/" + existingId + "): Version conflict: Patient/"
            + existingId + " is at version 1, not 9");
    assertThat(outcome(result.getEntry().get(2)).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Bundle.entry[2] (GET Patient/batch-no-such-patient): Resource"
            + " Patient/batch-no-such-patient is not known");
    assertThat(outcome(result.getEntry().get(2)).getIssueFirstRep().getCode())
        .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    assertThat(searchTotal(first)).isEqualTo(1);
    assertThat(searchTotal(second)).isEqualTo(1);
    assertThat(client.get("Patient/" + deletedId).statusCode()).isEqualTo(410);
    BundleEntryComponent read = result.getEntry().get(5);
    assertThat(read.getResource().getIdElement().getIdPart()).isEqualTo(existingId);
    assertThat(read.getResponse().getEtag()).isEqualTo("W/\"1\"");
    assertThat(read.getResponse().getLastModified()).isNotNull();
    assertThat(result.getEntry().get(6).getResource().getIdElement().getIdPart()).isEqualTo(deletedId);
    assertThat(result.getEntry().get(6).getResponse().getEtag()).isEqualTo("W/\"1\"");
  }

  @Test
  void batchEntryReferringToAnotherEntryFailsAloneAndTheOthersAreKept() {
    String target = urn();
    String kept = FhirTestClient.unique("batch-kept-");
    String refused = FhirTestClient.unique("batch-refused-");
    String bundle = Bundles.batch()
        .post(target, patient(kept))
        .post(urn(), linkedTo(patient(refused), target))
        .json(client);

    Bundle result = client.parse(Bundle.class, client.postJson(client.base(), bundle).body());

    assertThat(result.getEntry().get(0).getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(result.getEntry().get(1).getResponse().getStatus()).isEqualTo("400 Bad Request");
    assertThat(outcome(result.getEntry().get(1)).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Bundle.entry[1] (POST Patient): the reference '" + target + "' names another"
            + " entry; batch entries are independent, so use a transaction for that");
    assertThat(searchTotal(kept)).isEqualTo(1);
    assertThat(searchTotal(refused)).isZero();
  }

  @Test
  void malformedBatchEntryFailsAloneWithItsReason() {
    String kept = FhirTestClient.unique("batch-malformed-");
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":["
        + "{\"resource\":{\"resourceType\":\"Patient\"}},"
        + "{\"request\":{\"method\":\"GET\",\"url\":\"metadata\"}},"
        + "{\"resource\":" + client.encode(patient(kept)) + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}";

    Bundle result = client.parse(Bundle.class, client.postJson(client.base(), bundle).body());

    assertThat(result.getEntry()).extracting(e -> e.getResponse().getStatus())
        .containsExactly("400 Bad Request", "400 Bad Request", "201 Created");
    assertThat(outcome(result.getEntry().get(0)).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Bundle.entry[0]: request.method is missing: each entry of a batch or transaction says what to do");
    assertThat(outcome(result.getEntry().get(1)).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Bundle.entry[1]: request.url 'metadata' names no resource type; system-level"
            + " interactions are not supported in a batch or transaction");
    assertThat(searchTotal(kept)).isEqualTo(1);
  }

  @Test
  void searchEntryReturnsASearchsetWithItsTotalAndANextLinkWhenThereIsMore() {
    String family = FhirTestClient.unique("Batchsearch");
    for (int i = 0; i < 3; i++) {
      Patient patient = patient(FhirTestClient.unique("batch-search-"));
      patient.getNameFirstRep().setFamily(family);
      client.postJson("Patient", client.encode(patient));
    }
    String bundle = Bundles.batch().get("Patient?family=" + family + "&_count=2").json(client);

    Bundle result = client.parse(Bundle.class, client.postJson(client.base(), bundle).body());

    Bundle searchset = (Bundle) result.getEntryFirstRep().getResource();
    assertThat(searchset.getTotal()).isEqualTo(3);
    assertThat(searchset.getEntry()).hasSize(2);
    assertThat(searchset.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
    String next = searchset.getLink("next").getUrl();
    Bundle secondPage = client.parse(Bundle.class, client.get(next).body());
    assertThat(secondPage.getEntry()).hasSize(1);
  }

  @Test
  void capabilityStatementListsBothTransactionAndBatch() {
    CapabilityStatement statement =
        client.parse(CapabilityStatement.class, client.get("metadata").body());

    assertThat(statement.getRestFirstRep().getInteraction())
        .extracting(CapabilityStatement.SystemInteractionComponent::getCode)
        .contains(SystemRestfulInteraction.TRANSACTION, SystemRestfulInteraction.BATCH);
  }

  private String createPatient(String identifier) {
    HttpResponse<String> created = client.postJson("Patient", client.encode(patient(identifier)));
    assertThat(created.statusCode()).isEqualTo(201);
    return client.parse(Patient.class, created.body()).getIdElement().getIdPart();
  }

  private int searchTotal(String identifier) {
    HttpResponse<String> response = client.get("Patient?identifier=" + SYSTEM + "%7C" + identifier);
    assertThat(response.statusCode()).isEqualTo(200);
    return client.parse(Bundle.class, response.body()).getTotal();
  }

  private static OperationOutcome outcome(BundleEntryComponent entry) {
    return (OperationOutcome) entry.getResponse().getOutcome();
  }
}
