package org.careconnect.smart.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.fhir.security.TestTokens;
import org.careconnect.smart.fhir.support.SecuredFhirServerTest;
import org.hl7.fhir.dstu3.model.AuditEvent;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit trail as FHIR AuditEvent: admins (careconnect/audit) only, never writable. */
class AuditEventApiTest extends SecuredFhirServerTest {

  static final String FORBIDDEN = "AuditEvent is readable only with the scope careconnect/audit (admins) and never writable";

  String patient;
  String admin;
  HttpResponse<String> allowedRead;
  HttpResponse<String> refusedRead;

  @BeforeAll
  void trafficAboutOnePatient() {
    patient = createPatient();
    admin = token("careconnect/audit");
    String clinician = tokens.sign(TestTokens.claims("user/*.rs").claim("fhirUser", "Practitioner/dr-" + patient).build());
    allowedRead = send("GET", "Patient/" + patient, clinician, null);
    refusedRead = send("GET", "Patient/" + patient, null, null);
    auditRowOf(allowedRead);
    auditRowOf(refusedRead);
  }

  @Test
  void auditScopeWhenSearchingByPatientThenEveryRequestAboutThePatientAsAuditEvents() {
    HttpResponse<String> response = send("GET", "AuditEvent?patient=Patient/" + patient, admin, null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Bundle bundle = client().parse(Bundle.class, response.body());
    // the create, the allowed read, the refused read (newest first)
    assertThat(bundle.getTotal()).isEqualTo(3);
    AuditEvent refused = (AuditEvent) bundle.getEntry().get(0).getResource();
    AuditEvent read = (AuditEvent) bundle.getEntry().get(1).getResource();
    assertThat(coding(read.getType())).isEqualTo("http://hl7.org/fhir/audit-event-type|rest");
    assertThat(coding(read.getSubtypeFirstRep())).isEqualTo("http://hl7.org/fhir/restful-interaction|read");
    assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
    assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(read.getOutcomeDesc()).isEqualTo("HTTP 200");
    assertThat(read.getAgent()).hasSize(2);
    assertThat(read.getAgent().get(0).getRequestor()).isTrue();
    assertThat(read.getAgent().get(0).getReference().getReference()).isEqualTo("Practitioner/dr-" + patient);
    assertThat(read.getAgent().get(0).getUserId().getValue()).isEqualTo("user-1");
    assertThat(read.getAgent().get(1).getUserId().getSystem()).isEqualTo("urn:ietf:params:oauth:client-id");
    assertThat(read.getAgent().get(1).getUserId().getValue()).isEqualTo("test-app");
    assertThat(read.getAgent().get(1).getNetwork().getAddress()).isEqualTo("127.0.0.1");
    assertThat(read.getEntity()).extracting(e -> e.getReference().getReference())
        .contains("Patient/" + patient);
    assertThat(read.getEntity()).extracting(e -> e.getIdentifier().getValue()).contains(requestId(allowedRead));
    assertThat(refused.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(refused.getOutcomeDesc()).isEqualTo("HTTP 401");
    assertThat(refused.getAgent()).hasSize(1);
  }

  @Test
  void auditScopeWhenReadingOneThenThatAuditEvent() {
    String id = bundle(send("GET", "AuditEvent?patient=" + patient + "&outcome=4", admin, null))
        .getEntryFirstRep().getResource().getIdElement().getIdPart();

    HttpResponse<String> response = send("GET", "AuditEvent/" + id, admin, null);

    assertThat(response.statusCode()).isEqualTo(200);
    AuditEvent event = client().parse(AuditEvent.class, response.body());
    assertThat(event.getOutcomeDesc()).isEqualTo("HTTP 401");
    assertThat(event.getEntity()).extracting(e -> e.getIdentifier().getValue()).contains(requestId(refusedRead));
  }

  @Test
  void searchParametersNarrowTheTrail() {
    assertThat(bundle(send("GET", "AuditEvent?patient=" + patient + "&outcome=0", admin, null)).getTotal()).isEqualTo(2);
    assertThat(bundle(send("GET", "AuditEvent?entity=Patient/" + patient + "&subtype=read", admin, null)).getTotal())
        .isEqualTo(2);
    assertThat(bundle(send("GET", "AuditEvent?patient=" + patient
        + "&subtype=http://hl7.org/fhir/restful-interaction%7Ccreate", admin, null)).getTotal()).isEqualTo(1);
    assertThat(bundle(send("GET", "AuditEvent?agent=Practitioner/dr-" + patient, admin, null)).getTotal()).isEqualTo(1);
    assertThat(bundle(send("GET", "AuditEvent?patient=" + patient
        + "&type=http://dicom.nema.org/resources/ontology/DCM%7C110112", admin, null)).getTotal()).isZero();
    assertThat(bundle(send("GET", "AuditEvent?patient=" + patient + "&type=rest&user=test-app", admin, null))
        .getTotal()).isEqualTo(2);
    assertThat(bundle(send("GET", "AuditEvent?patient=" + patient + "&date=ge2020-01-01&date=le2999-12-31", admin, null))
        .getTotal()).isEqualTo(3);
    assertThat(bundle(send("GET", "AuditEvent?patient=" + patient + "&date=lt2020-01-01", admin, null)).getTotal())
        .isZero();
  }

  @Test
  void countWhenMoreThanAPageThenNextLinkGivesTheRest() {
    Bundle first = bundle(send("GET", "AuditEvent?patient=" + patient + "&_count=2", admin, null));
    assertThat(first.getEntry()).hasSize(2);
    String next = first.getLink("next").getUrl();
    assertThat(next).contains("_offset=2");

    Bundle second = bundle(send("GET", next, admin, null));

    assertThat(second.getEntry()).hasSize(1);
    assertThat(second.getLink("next")).isNull();
    // a page link is the query again: checked again, with whichever token follows it
    HttpResponse<String> stolen = send("GET", next, token("user/*.*"), null);
    assertThat(stolen.statusCode()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user/*.*", "user/*.rs", "system/*.*", "patient/*.*", "patient/*.read", "user/AuditEvent.rs"})
  void resourceScopeWhenSearchingAuditEventThen403WithOperationOutcome(String scope) {
    String token = tokens.sign(TestTokens.claims(scope).claim("patient", patient).build());

    HttpResponse<String> search = send("GET", "AuditEvent?patient=" + patient, token, null);
    HttpResponse<String> read = send("GET", "AuditEvent/1", token, null);

    for (HttpResponse<String> response : java.util.List.of(search, read)) {
      assertThat(response.statusCode()).as(scope).isEqualTo(403);
      OperationOutcome outcome = client().parse(OperationOutcome.class, response.body());
      assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("Access denied: " + FORBIDDEN);
      assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
    }
  }

  @Test
  void noTokenWhenSearchingAuditEventThen401() {
    assertThat(send("GET", "AuditEvent", null, null).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST AuditEvent", "PUT AuditEvent/1", "DELETE AuditEvent/1", "PATCH AuditEvent/1",
      "POST AuditEvent/$validate"})
  void auditScopeWhenWritingAuditEventThen405WithOperationOutcome(String request) {
    String[] parts = request.split(" ");

    HttpResponse<String> response = send(parts[0], parts[1], token("careconnect/audit system/*.*"),
        "{\"resourceType\":\"AuditEvent\",\"id\":\"1\"}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(client().parse(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
        .isEqualTo("AuditEvent is read-only: the server alone writes the audit trail");
  }

  @Test
  void auditEventInATransactionThenRefused() {
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
        + "{\"resourceType\":\"AuditEvent\"},\"request\":{\"method\":\"POST\",\"url\":\"AuditEvent\"}}]}";

    HttpResponse<String> response = send("POST", "", token("careconnect/audit system/*.*"), bundle);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(client().parse(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
        .isEqualTo("Access denied: " + FORBIDDEN);
  }

  @Test
  void unknownSearchParameterThen400() {
    HttpResponse<String> response = send("GET", "AuditEvent?site=x", admin, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(client().parse(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics())
        .contains("[[site]]");
  }

  private Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return client().parse(Bundle.class, response.body());
  }

  private static String coding(Coding coding) {
    return coding.getSystem() + "|" + coding.getCode();
  }

}
