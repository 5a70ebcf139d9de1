package org.careconnect.smart.fhir.openface;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SecuredFhirServerTest;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The open demo face: reads without a token, never writes, its own paging links, not audited. */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:fhir-open-face;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "careconnect.fhir.open-face.enabled=true",
    "careconnect.demo.patients=3"})
@ActiveProfiles({"test", "demo"})
class OpenFaceTest extends SecuredFhirServerTest {

  static final String READ_ONLY = "The open demo face is read-only; writes, batches, transactions and operations other"
      + " than $everything need the secured face at /fhir/STU3 and a token. Refused: ";
  static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"demo-pat-1\",\"name\":[{\"use\":\"official\","
      + "\"family\":\"Open\"}]}";

  HttpResponse<String> openSend(String method, String path, String contentType, String body) {
    String url = path.startsWith("http") ? path : "http://localhost:" + port + "/open/fhir/STU3/" + path;
    return new FhirTestClient(port).send(method, url, contentType, body);
  }

  @Test
  void readWithoutTokenThen200AndTheDemoPatient() {
    HttpResponse<String> response = openSend("GET", "Patient/demo-pat-1", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(FhirTestClient.context().newJsonParser().parseResource(Patient.class, response.body()).getIdElement()
        .getIdPart()).isEqualTo("demo-pat-1");
  }

  @Test
  void vreadHistorySearchAndEverythingWithoutTokenThen200() {
    assertThat(openSend("GET", "Patient/demo-pat-1/_history/1", null, null).statusCode()).isEqualTo(200);
    assertThat(openSend("GET", "Patient/demo-pat-1/_history", null, null).statusCode()).isEqualTo(200);
    assertThat(openSend("GET", "Observation?patient=demo-pat-1&_count=2", null, null).statusCode()).isEqualTo(200);
    assertThat(openSend("POST", "Patient/_search", "application/x-www-form-urlencoded", "_id=demo-pat-1").statusCode())
        .isEqualTo(200);
    HttpResponse<String> everything = openSend("GET", "Patient/demo-pat-1/$everything", null, null);
    assertThat(everything.statusCode()).isEqualTo(200);
    assertThat(bundle(everything).getEntry()).hasSizeGreaterThan(1);
  }

  @Test
  void securedFaceStillNeedsAToken() {
    assertThat(new FhirTestClient(port).get("Patient/demo-pat-1").statusCode()).isEqualTo(401);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "POST;Patient;application/fhir+json;POST",
      "PUT;Patient/demo-pat-1;application/fhir+json;PUT",
      "DELETE;Patient/demo-pat-1;;DELETE",
      "PATCH;Patient/demo-pat-1;application/json-patch+json;PATCH",
      "POST;'';application/fhir+json;POST",
      "POST;Patient/$validate;application/fhir+json;$validate",
      "POST;Patient/demo-pat-1/$validate;application/fhir+json;$validate",
      "GET;Patient/demo-pat-1/$validate;;$validate",
      "DELETE;Patient?identifier=x;;DELETE"})
  void everyWriteKindThen405WithOperationOutcomeSayingReadOnly(String method, String path, String contentType, String refused) {
    String body = switch (method) {
      case "PATCH" -> "[{\"op\":\"remove\",\"path\":\"/active\"}]";
      case "DELETE", "GET" -> null;
      default -> path.isEmpty() ? "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}" : PATIENT;
    };

    HttpResponse<String> response = openSend(method, path, contentType, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    assertThat(outcome(response)).isEqualTo(READ_ONLY + refused);
    assertThat(bundle(openSend("GET", "Patient/demo-pat-1/_history", null, null)).getTotal()).isEqualTo(1);
  }

  @Test
  void batchBundleThen405() {
    HttpResponse<String> response = openSend("POST", "", "application/fhir+json",
        "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[]}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(outcome(response)).isEqualTo(READ_ONLY + "POST");
  }

  @Test
  void auditEventIsNotOnTheOpenFace() {
    HttpResponse<String> response = openSend("GET", "AuditEvent", null, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(outcome(response)).startsWith("Unknown resource type 'AuditEvent'");
  }

  @Test
  void capabilityStatementSaysReadOnlyAndHasNoSecurity() {
    HttpResponse<String> response = openSend("GET", "metadata", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    CapabilityStatement statement =
        FhirTestClient.context().newJsonParser().parseResource(CapabilityStatement.class, response.body());
    assertThat(statement.getDescription()).contains("read-only");
    assertThat(statement.getRestFirstRep().hasSecurity()).isFalse();
    assertThat(statement.getRestFirstRep().getInteraction()).isEmpty();
    assertThat(statement.getRestFirstRep().getOperation()).extracting(o -> o.getName()).containsOnly("everything");
    for (CapabilityStatementRestResourceComponent resource : statement.getRestFirstRep().getResource()) {
      assertThat(resource.getInteraction()).extracting(ResourceInteractionComponent::getCode).extracting(c -> c.toCode())
          .as(resource.getType()).doesNotContain("create", "update", "delete", "patch");
    }
    assertThat(statement.getRestFirstRep().getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
        .contains("Patient").doesNotContain("AuditEvent");
  }

  @Test
  void pageLinksWorkOnTheOpenFaceOnly() {
    Bundle first = bundle(openSend("GET", "Patient?_count=1", null, null));
    String next = first.getLink("next").getUrl();
    assertThat(next).startsWith("http://localhost:" + port + "/open/fhir/STU3");

    assertThat(openSend("GET", next, null, null).statusCode()).isEqualTo(200);

    // the same page id on the secured face, with a valid token: refused
    String admin = token("system/*.*");
    HttpResponse<String> secured = new FhirTestClient(port).get(next.replace("/open/fhir/STU3", "/fhir/STU3"),
        "Authorization", "Bearer " + admin);
    assertThat(secured.statusCode()).isEqualTo(410);
    assertThat(outcome(secured)).isEqualTo("The search page link has expired or is not valid; run the search again");
  }

  @Test
  void securedFacePageLinksAreRefusedOnTheOpenFace() {
    String admin = token("system/*.*");
    HttpResponse<String> page = new FhirTestClient(port).get("Patient?_count=1", "Authorization", "Bearer " + admin);
    String next = bundle(page).getLink("next").getUrl();

    HttpResponse<String> response = openSend("GET", next.replace("/fhir/STU3", "/open/fhir/STU3"), null, null);

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(outcome(response)).isEqualTo("The search page link has expired or is not valid; run the search again");
  }

  @Test
  void openFaceRequestsAreNotAudited() {
    String marker = FhirTestClient.unique("open-");
    HttpResponse<String> open = new FhirTestClient(port).send("GET",
        "http://localhost:" + port + "/open/fhir/STU3/Patient/demo-pat-2", null, null, "X-Request-ID", marker);
    HttpResponse<String> secured = send("GET", "Patient/demo-pat-2", null, null);

    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(secured.statusCode()).isEqualTo(401);
    // the secured request's record is written after the open one's would have been
    assertThat(auditRowOf(secured)).containsEntry("STATUS", 401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE request_id = ?", Integer.class, marker))
        .isZero();
  }

  private static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FhirTestClient.context().newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static String outcome(HttpResponse<String> response) {
    return FhirTestClient.context().newJsonParser().parseResource(OperationOutcome.class, response.body())
        .getIssueFirstRep().getDiagnostics();
  }
}
