package org.careconnect.smart.fhir.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.fhir.transaction.Bundles.SYSTEM;
import static org.careconnect.smart.fhir.transaction.Bundles.diagnostics;
import static org.careconnect.smart.fhir.transaction.Bundles.linkedTo;
import static org.careconnect.smart.fhir.transaction.Bundles.patient;
import static org.careconnect.smart.fhir.transaction.Bundles.urn;
import static org.careconnect.smart.fhir.transaction.Bundles.withId;

import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FhirServerIntegrationTest
class TransactionBundleTest {

  @LocalServerPort int port;
  FhirTestClient client;

  @BeforeEach
  void connect() {
    client = new FhirTestClient(port);
  }

  @Test
  void transactionCreatesEntriesAndPointsUrnUuidReferencesAtTheNewIds() {
    String first = urn();
    String second = urn();
    String firstIdentifier = FhirTestClient.unique("tx-a-");
    String secondIdentifier = FhirTestClient.unique("tx-b-");
    // circular: each refers to the other by its fullUrl
    String bundle = Bundles.transaction()
        .post(first, linkedTo(patient(firstIdentifier), second))
        .post(second, linkedTo(patient(secondIdentifier), first))
        .json(client);

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(200);
    Bundle result = client.parse(Bundle.class, response.body());
    assertThat(result.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(result.getEntry()).hasSize(2);
    String firstId = createdId(result.getEntry().get(0));
    String secondId = createdId(result.getEntry().get(1));
    Patient firstRead = read(firstId);
    Patient secondRead = read(secondId);
    assertThat(firstRead.getIdentifierFirstRep().getValue()).isEqualTo(firstIdentifier);
    assertThat(firstRead.getLinkFirstRep().getOther().getReference()).isEqualTo("Patient/" + secondId);
    assertThat(secondRead.getLinkFirstRep().getOther().getReference()).isEqualTo("Patient/" + firstId);
    assertThat(firstRead.getContained()).as("no copy of the other entry inside").isEmpty();
  }

  @Test
  void transactionResponseEntriesCarryStatusLocationEtagAndLastModified() {
    String identifier = FhirTestClient.unique("tx-meta-");

    Bundle result = client.parse(Bundle.class,
        postToBase(Bundles.transaction().post(urn(), patient(identifier)).json(client)).body());

    Bundle.BundleEntryResponseComponent response = result.getEntryFirstRep().getResponse();
    String id = result.getEntryFirstRep().getResource().getIdElement().getIdPart();
    assertThat(response.getStatus()).isEqualTo("201 Created");
    assertThat(response.getLocation()).isEqualTo("Patient/" + id + "/_history/1");
    assertThat(response.getEtag()).isEqualTo("W/\"1\"");
    assertThat(response.getLastModified()).isNotNull();
    assertThat(result.getEntryFirstRep().getResource().getMeta().getProfile().get(0).getValue())
        .isEqualTo("https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Patient-1");
  }

  @Test
  void transactionWithOneFailingEntryStoresNothingAndAnswersThatEntrysError() {
    String existingId = createPatient(FhirTestClient.unique("tx-existing-"));
    String toDeleteId = createPatient(FhirTestClient.unique("tx-keep-"));
    String goodOne = FhirTestClient.unique("tx-rollback-1-");
    String goodTwo = FhirTestClient.unique("tx-rollback-2-");
    String goodOneUrn = urn();
    Patient update = withId(patient("changed"), existingId);
    String bundle = Bundles.transaction()
        .post(goodOneUrn, patient(goodOne))
        .post(urn(), linkedTo(patient(goodTwo), goodOneUrn))
        .delete("Patient/" + toDeleteId)
        .putIfMatch("Patient/" + existingId, update, "W/\"7\"")
        .json(client);

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(412);
    OperationOutcome outcome = client.parse(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .isEqualTo("Bundle.entry[3] (PUT Patient/" + existingId + "): Version conflict: Patient/"
            + existingId + " is at version 1, not 7");
    assertThat(outcome.getIssueFirstRep().getLocation().get(0).getValue()).isEqualTo("Bundle.entry[3]");
    assertThat(searchTotal(goodOne)).isZero();
    assertThat(searchTotal(goodTwo)).isZero();
    assertThat(read(toDeleteId).getIdElement().getVersionIdPart()).as("the delete was undone").isEqualTo("1");
    assertThat(read(existingId).getIdElement().getVersionIdPart()).isEqualTo("1");
  }

  @Test
  void transactionWithAnUpdateWhoseBodyIdDiffersFromItsUrlIs400AndStoresNothing() {
    String good = FhirTestClient.unique("tx-mismatch-");
    String bundle = Bundles.transaction()
        .post(urn(), patient(good))
        .put("Patient/url-id-1", withId(patient("x"), "body-id-2"))
        .json(client);

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, response.body()))
        .isEqualTo("Bundle.entry[1] (PUT Patient/url-id-1): The id in the body 'body-id-2' does not"
            + " match the id in the URL 'url-id-1'");
    assertThat(searchTotal(good)).isZero();
  }

  @Test
  void conditionalCreateInATransactionReusesTheOneMatchAndPointsReferencesAtIt() {
    String existingIdentifier = FhirTestClient.unique("tx-cond-existing-");
    String existingId = createPatient(existingIdentifier);
    String newIdentifier = FhirTestClient.unique("tx-cond-new-");
    String conditional = urn();
    String bundle = Bundles.transaction()
        .postIfNoneExist(conditional, patient(existingIdentifier), "identifier=" + SYSTEM + "|" + existingIdentifier)
        .post(urn(), linkedTo(patient(newIdentifier), conditional))
        .json(client);

    Bundle result = client.parse(Bundle.class, postToBase(bundle).body());

    assertThat(result.getEntry().get(0).getResponse().getStatus()).isEqualTo("200 OK");
    assertThat(result.getEntry().get(0).getResponse().getLocation())
        .isEqualTo("Patient/" + existingId + "/_history/1");
    String newId = createdId(result.getEntry().get(1));
    assertThat(read(newId).getLinkFirstRep().getOther().getReference()).isEqualTo("Patient/" + existingId);
    assertThat(searchTotal(existingIdentifier)).isEqualTo(1);
  }

  @Test
  void conditionalCreateInATransactionCreatesWhenNothingMatches() {
    String identifier = FhirTestClient.unique("tx-cond-none-");
    String bundle = Bundles.transaction()
        .postIfNoneExist(urn(), patient(identifier), "identifier=" + SYSTEM + "|" + identifier)
        .json(client);

    Bundle result = client.parse(Bundle.class, postToBase(bundle).body());

    assertThat(result.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(searchTotal(identifier)).isEqualTo(1);
  }

  @Test
  void conditionalUpdateAndConditionalDeleteFindTheirTargetsBySearch() {
    String updatedIdentifier = FhirTestClient.unique("tx-cupdate-");
    String updatedId = createPatient(updatedIdentifier);
    String deletedIdentifier = FhirTestClient.unique("tx-cdelete-");
    String deletedId = createPatient(deletedIdentifier);
    String createdIdentifier = FhirTestClient.unique("tx-cupdate-new-");
    Patient changed = patient(updatedIdentifier);
    changed.getNameFirstRep().setFamily("Updated");
    String newUrn = urn();
    String bundle = Bundles.transaction()
        .put("Patient?identifier=" + SYSTEM + "|" + updatedIdentifier, changed)
        .putWithFullUrl(newUrn, "Patient?identifier=" + SYSTEM + "|" + createdIdentifier, patient(createdIdentifier))
        .delete("Patient?identifier=" + SYSTEM + "|" + deletedIdentifier)
        .post(urn(), linkedTo(patient(FhirTestClient.unique("tx-cupdate-ref-")), newUrn))
        .json(client);

    Bundle result = client.parse(Bundle.class, postToBase(bundle).body());

    assertThat(result.getEntry()).extracting(e -> e.getResponse().getStatus())
        .containsExactly("200 OK", "201 Created", "204 No Content", "201 Created");
    assertThat(result.getEntry().get(0).getResponse().getLocation())
        .isEqualTo("Patient/" + updatedId + "/_history/2");
    assertThat(read(updatedId).getNameFirstRep().getFamily()).isEqualTo("Updated");
    String createdByUpdate = createdId(result.getEntry().get(1));
    String referring = createdId(result.getEntry().get(3));
    assertThat(read(referring).getLinkFirstRep().getOther().getReference()).isEqualTo("Patient/" + createdByUpdate);
    assertThat(client.get("Patient/" + deletedId).statusCode()).isEqualTo(410);
  }

  @Test
  void twoEntriesWithOneFullUrlAre400() {
    String shared = urn();
    String bundle = Bundles.transaction()
        .post(shared, patient(FhirTestClient.unique("tx-dup-1-")))
        .post(shared, patient(FhirTestClient.unique("tx-dup-2-")))
        .json(client);

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, response.body()))
        .isEqualTo("Bundle.entry[1] (POST Patient): its fullUrl '" + shared + "' is the fullUrl of"
            + " another entry too; fullUrls must be unique in a Bundle");
  }

  @Test
  void deletesRunBeforeCreatesWhateverTheirOrderInTheBundle() {
    String identifier = FhirTestClient.unique("tx-order-");
    String oldId = createPatient(identifier);
    // Listed first, but the DELETE runs first: the conditional create then finds nothing.
    String bundle = Bundles.transaction()
        .postIfNoneExist(urn(), patient(identifier), "identifier=" + SYSTEM + "|" + identifier)
        .delete("Patient/" + oldId)
        .json(client);

    Bundle result = client.parse(Bundle.class, postToBase(bundle).body());

    assertThat(result.getEntry().get(0).getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(result.getEntry().get(1).getResponse().getStatus()).isEqualTo("204 No Content");
    assertThat(createdId(result.getEntry().get(0))).isNotEqualTo(oldId);
    assertThat(client.get("Patient/" + oldId).statusCode()).isEqualTo(410);
  }

  @Test
  void transactionActingTwiceOnOneResourceIs400AndStoresNothing() {
    String id = createPatient(FhirTestClient.unique("tx-twice-"));
    String bundle = Bundles.transaction()
        .put("Patient/" + id, withId(patient("first"), id))
        .put("Patient/" + id, withId(patient("second"), id))
        .json(client);

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, response.body()))
        .isEqualTo("Bundle.entry[1] (PUT Patient/" + id + "): Bundle.entry[0] acts on Patient/" + id
            + " too; the resources a transaction deletes, creates and updates must all differ");
    assertThat(read(id).getIdElement().getVersionIdPart()).isEqualTo("1");
  }

  @Test
  void referenceToAUrnThatNoEntryHasIs400AndStoresNothing() {
    String good = FhirTestClient.unique("tx-dangling-");
    String dangling = urn();
    String bundle = Bundles.transaction()
        .post(urn(), patient(good))
        .post(urn(), linkedTo(patient(FhirTestClient.unique("tx-dangling-b-")), dangling))
        .json(client);

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, response.body()))
        .isEqualTo("Bundle.entry[1] (POST Patient): the reference '" + dangling + "' is the fullUrl"
            + " of no entry that this transaction creates or updates");
    assertThat(searchTotal(good)).isZero();
  }

  @Test
  void entryOfATypeThisServerDoesNotServeIs400AndStoresNothing() {
    String good = FhirTestClient.unique("tx-basic-");
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
        + "{\"resource\":" + client.encode(patient(good)) + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}},"
        + "{\"resource\":{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}},"
        + "\"request\":{\"method\":\"POST\",\"url\":\"Basic\"}}]}";

    HttpResponse<String> response = postToBase(bundle);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, response.body()))
        .isEqualTo("Bundle.entry[1]: Unknown or unsupported resource type 'Basic'");
    assertThat(searchTotal(good)).isZero();
  }

  @Test
  void getEntriesRunLastAndSeeTheTransactionsWrites() {
    String identifier = FhirTestClient.unique("tx-get-");
    String bundle = Bundles.transaction()
        .get("Patient?identifier=" + SYSTEM + "|" + identifier)
        .post(urn(), patient(identifier))
        .json(client);

    Bundle result = client.parse(Bundle.class, postToBase(bundle).body());

    Bundle searchset = (Bundle) result.getEntry().get(0).getResource();
    assertThat(result.getEntry().get(0).getResponse().getStatus()).isEqualTo("200 OK");
    assertThat(searchset.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(searchset.getTotal()).isEqualTo(1);
    assertThat(searchset.getEntryFirstRep().getResource().getIdElement().getIdPart())
        .isEqualTo(createdId(result.getEntry().get(1)));
  }

  @Test
  void preferReturnMinimalLeavesTheResourcesOut() {
    String bundle = Bundles.transaction().post(urn(), patient(FhirTestClient.unique("tx-min-"))).json(client);

    Bundle result = client.parse(Bundle.class,
        client.postJson(client.base(), bundle, "Prefer", "return=minimal").body());

    assertThat(result.getEntryFirstRep().hasResource()).isFalse();
    assertThat(result.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(result.getEntryFirstRep().getResponse().getLocation()).matches("Patient/[^/]+/_history/1");
  }

  @Test
  void preferReturnOperationOutcomeGivesAnOutcomePerEntry() {
    String bundle = Bundles.transaction().post(urn(), patient(FhirTestClient.unique("tx-oo-"))).json(client);

    Bundle result = client.parse(Bundle.class,
        client.postJson(client.base(), bundle, "Prefer", "return=OperationOutcome").body());

    BundleEntryComponent entry = result.getEntryFirstRep();
    assertThat(entry.hasResource()).isFalse();
    OperationOutcome outcome = (OperationOutcome) entry.getResponse().getOutcome();
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .isEqualTo("Created " + entry.getResponse().getLocation());
  }

  @Test
  void bundleOfAnotherTypePostedToTheBaseIs400() {
    HttpResponse<String> collection =
        postToBase("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
            + client.encode(patient(FhirTestClient.unique("tx-collection-"))) + "}]}");
    HttpResponse<String> untyped = postToBase("{\"resourceType\":\"Bundle\"}");

    assertThat(collection.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, collection.body()))
        .isEqualTo("Only a Bundle of type 'transaction' or 'batch' can be posted to the base, not 'collection'");
    assertThat(untyped.statusCode()).isEqualTo(400);
    assertThat(diagnostics(client, untyped.body()))
        .isEqualTo("Only a Bundle of type 'transaction' or 'batch' can be posted to the base, not one without a type");
  }

  private HttpResponse<String> postToBase(String bundle) {
    return client.postJson(client.base(), bundle);
  }

  private String createPatient(String identifier) {
    HttpResponse<String> created = client.postJson("Patient", client.encode(patient(identifier)));
    assertThat(created.statusCode()).isEqualTo(201);
    return client.parse(Patient.class, created.body()).getIdElement().getIdPart();
  }

  private Patient read(String id) {
    HttpResponse<String> response = client.get("Patient/" + id);
    assertThat(response.statusCode()).isEqualTo(200);
    return client.parse(Patient.class, response.body());
  }

  private int searchTotal(String identifier) {
    HttpResponse<String> response = client.get("Patient?identifier=" + SYSTEM + "%7C" + identifier);
    assertThat(response.statusCode()).isEqualTo(200);
    return client.parse(Bundle.class, response.body()).getTotal();
  }

  private static String createdId(BundleEntryComponent entry) {
    assertThat(entry.getResponse().getStatus()).isEqualTo("201 Created");
    return entry.getResponse().getLocation().split("/")[1];
  }
}
