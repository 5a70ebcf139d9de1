package org.careconnect.smart.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.careconnect.smart.fhir.support.AuthorizationCodeFlow;
import org.careconnect.smart.fhir.support.SmartStack;
import org.hl7.fhir.dstu3.model.AuditEvent;
import org.hl7.fhir.dstu3.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail end to end with the real authorisation server (issue 4, "Audit"): a clinician's
 * token (demo user {@code clinician}, app {@code sample-app}) reads and searches, and is refused
 * the trail; the demo admin signs in through the authorization-code flow with the demo client
 * {@code audit-viewer}, gets {@code careconnect/audit}, and reads those requests back as FHIR
 * AuditEvents with the right client, user, patient, interaction, resource and outcome. Both
 * servers are the packaged jars as processes on loopback ports (support/SmartStack).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

  private static final String AUDIT_VIEWER = "audit-viewer";
  private static final String AUDIT_VIEWER_SECRET = "audit-viewer-demo-secret";
  private static final String CLINICIAN = "clinician";
  private static final String CLINICIAN_PASSWORD = "clinician-demo-password";
  private static final String CLINICIAN_FHIR_USER = "Practitioner/demo-prac-1-1";
  private static final String PATIENT = "demo-pat-3";
  private static final String AUDIT_REQUEST = "openid fhirUser careconnect/audit";
  private static final String REFUSAL =
      "AuditEvent is readable only with the scope careconnect/audit (admins) and never writable";
  private static final String QUERY = "http://dicom.nema.org/resources/ontology/DCM|110112";
  private static final String REST = "http://hl7.org/fhir/audit-event-type|rest";
  private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction|";

  @TempDir static Path dataDir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final FhirContext fhir = FhirContext.forDstu3Cached();
  private SmartStack stack;
  private String base;
  private String clinicianToken;
  private String adminToken;
  private HttpResponse<String> clinicianRead;
  private HttpResponse<String> clinicianSearch;
  private HttpResponse<String> clinicianReadsTheTrail;

  @BeforeAll
  void startBothServersAndMakeClinicianTraffic() throws Exception {
    stack = new SmartStack(dataDir).start(List.of());
    base = stack.base();
    clinicianToken = (String) flow().token(CLINICIAN, CLINICIAN_PASSWORD, "sample-app", null,
        "openid fhirUser user/*.rs", base).get("access_token");
    adminToken = (String) flow().token("admin", "admin-demo-password", AUDIT_VIEWER, AUDIT_VIEWER_SECRET,
        AUDIT_REQUEST, base).get("access_token");

    clinicianRead = get("/Patient/" + PATIENT, clinicianToken);
    clinicianSearch = get("/Observation?patient=" + PATIENT + "&category=vital-signs", clinicianToken);
    clinicianReadsTheTrail = get("/AuditEvent?patient=" + PATIENT, clinicianToken);
    assertThat(clinicianRead.statusCode()).as(clinicianRead.body()).isEqualTo(200);
    assertThat(clinicianSearch.statusCode()).as(clinicianSearch.body()).isEqualTo(200);
  }

  @AfterAll
  void stopBothServers() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  // --- the admin reads the trail ----------------------------------------------------------------

  @Test
  void adminTokenWhenIssuedThroughAuditViewerThenHoldsTheAuditScope() throws Exception {
    assertThat(scopes(SignedJWT.parse(adminToken).getJWTClaimsSet().getStringClaim("scope")))
        .containsExactlyInAnyOrder("openid", "fhirUser", "careconnect/audit");
  }

  @Test
  void adminWhenReadingTheTrailThenClinicianReadWithClientUserPatientAndOutcome() throws Exception {
    AuditEvent read = auditEventOf(clinicianRead);

    assertThat(coding(read.getType())).isEqualTo(REST);
    assertThat(coding(read.getSubtypeFirstRep())).isEqualTo(INTERACTION + "read");
    assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
    assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(read.getOutcomeDesc()).isEqualTo("HTTP 200");
    assertClinicianWithSampleApp(read, clinicianToken);
    assertThat(patientOf(read)).isEqualTo("Patient/" + PATIENT);
    assertThat(resourceOf(read).getReference().getReference()).isEqualTo("Patient/" + PATIENT);
  }

  @Test
  void adminWhenReadingTheTrailThenClinicianSearchAsAQueryWithItsParameters() throws Exception {
    AuditEvent search = auditEventOf(clinicianSearch);

    assertThat(coding(search.getType())).isEqualTo(QUERY);
    assertThat(coding(search.getSubtypeFirstRep())).isEqualTo(INTERACTION + "search-type");
    assertThat(search.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
    assertThat(search.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(search.getOutcomeDesc()).isEqualTo("HTTP 200");
    assertClinicianWithSampleApp(search, clinicianToken);
    assertThat(patientOf(search)).isEqualTo("Patient/" + PATIENT);
    AuditEventEntityComponent searched = resourceOf(search);
    assertThat(searched.getName()).isEqualTo("Observation");
    assertThat(new String(searched.getQuery(), StandardCharsets.UTF_8))
        .isEqualTo("patient=" + PATIENT + "&category=vital-signs");
  }

  @Test
  void adminWhenReadingTheTrailThenClinicianRefusalRecordedAsAFailure() throws Exception {
    AuditEvent refused = auditEventOf(clinicianReadsTheTrail);

    assertThat(coding(refused.getSubtypeFirstRep())).isEqualTo(INTERACTION + "search-type");
    assertThat(refused.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(refused.getOutcomeDesc()).isEqualTo("HTTP 403");
    assertClinicianWithSampleApp(refused, clinicianToken);
    assertThat(resourceOf(refused).getName()).isEqualTo("AuditEvent");
  }

  @Test
  void adminWhenSearchingByUserAndPatientThenEveryClinicianRequestAboutThePatient() throws Exception {
    auditEventOf(clinicianSearch); // waits for the batched writer

    Bundle bundle = bundle(get("/AuditEvent?user=" + CLINICIAN + "&patient=" + PATIENT + "&outcome=0", adminToken));

    assertThat(bundle.getEntry()).extracting(e -> requestIdOf((AuditEvent) e.getResource()))
        .containsExactly(requestId(clinicianSearch), requestId(clinicianRead)); // newest first
  }

  // --- refusals --------------------------------------------------------------------------------

  @Test
  void clinicianWhenAskingForTheAuditScopeThenNotGranted() throws Exception {
    Map<String, Object> response = flow().token(CLINICIAN, CLINICIAN_PASSWORD, AUDIT_VIEWER, AUDIT_VIEWER_SECRET,
        AUDIT_REQUEST, base);
    String token = (String) response.get("access_token");

    assertThat(scopes((String) response.get("scope"))).containsExactlyInAnyOrder("openid", "fhirUser");
    assertThat(scopes(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scope")))
        .containsExactlyInAnyOrder("openid", "fhirUser");
    assertRefused(get("/AuditEvent?patient=" + PATIENT, token));
  }

  @Test
  void clinicianTokenWhenReadingAuditEventThen403WithOperationOutcomeAndChallenge() throws Exception {
    String id = auditEventOf(clinicianRead).getIdElement().getIdPart();

    assertRefused(clinicianReadsTheTrail);
    assertRefused(get("/AuditEvent/" + id, clinicianToken));
  }

  @Test
  void adminTokenWhenWritingAuditEventThen405() throws Exception {
    String id = auditEventOf(clinicianRead).getIdElement().getIdPart();
    String body = "{\"resourceType\":\"AuditEvent\",\"id\":\"" + id + "\"}";

    for (HttpResponse<String> write : List.of(
        send("POST", "/AuditEvent", body, adminToken),
        send("PUT", "/AuditEvent/" + id, body, adminToken),
        send("DELETE", "/AuditEvent/" + id, null, adminToken))) {
      assertThat(write.statusCode()).as(write.request().method()).isEqualTo(405);
      assertThat(fhir.newJsonParser().parseResource(OperationOutcome.class, write.body())
          .getIssueFirstRep().getDiagnostics())
          .isEqualTo("AuditEvent is read-only: the server alone writes the audit trail");
    }
    assertThat(auditEventOf(clinicianRead).getOutcomeDesc()).as("unchanged").isEqualTo("HTTP 200");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private AuthorizationCodeFlow flow() {
    return new AuthorizationCodeFlow(stack.auth().issuer());
  }

  /**
   * The AuditEvent of one request, read with the admin token by the request's id (sent as
   * X-Request-ID), waiting (bounded) for the background writer, which flushes every 200 ms.
   */
  private AuditEvent auditEventOf(HttpResponse<String> request) {
    String requestId = requestId(request);
    return Awaitility.await("AuditEvent of request " + requestId)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> bundle(get("/AuditEvent?user=" + CLINICIAN + "&_count=100", adminToken)).getEntry().stream()
            .map(e -> (AuditEvent) e.getResource())
            .filter(event -> requestId.equals(requestIdOf(event)))
            .findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  private static void assertClinicianWithSampleApp(AuditEvent event, String token) throws Exception {
    assertThat(event.getAgent()).hasSize(2);
    AuditEvent.AuditEventAgentComponent user = event.getAgent().get(0);
    assertThat(user.getRequestor()).isTrue();
    assertThat(user.getReference().getReference()).isEqualTo(CLINICIAN_FHIR_USER);
    assertThat(user.getUserId().getValue()).isEqualTo(CLINICIAN);
    assertThat(user.getPolicy()).extracting(p -> p.getValue())
        .containsExactly(SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
    AuditEvent.AuditEventAgentComponent app = event.getAgent().get(1);
    assertThat(app.getUserId().getSystem()).isEqualTo("urn:ietf:params:oauth:client-id");
    assertThat(app.getUserId().getValue()).isEqualTo("sample-app");
    assertThat(app.getNetwork().getAddress()).isEqualTo("127.0.0.1");
  }

  /** 403, the exact OperationOutcome and the RFC 6750 §3.1 challenge, and nothing of the trail. */
  private void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
        "Bearer realm=\"careconnect-fhir\", error=\"insufficient_scope\", error_description=\"" + REFUSAL + "\"");
    OperationOutcome outcome = fhir.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).hasSize(1);
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("Access denied: " + REFUSAL);
    assertThat(response.body()).doesNotContain("\"resourceType\":\"AuditEvent\"");
  }

  private static String patientOf(AuditEvent event) {
    return event.getEntity().stream()
        .filter(e -> e.getRole().getCode() != null && e.getRole().getCode().equals("1"))
        .map(e -> e.getReference().getReference())
        .findFirst().orElse(null);
  }

  private static AuditEventEntityComponent resourceOf(AuditEvent event) {
    return event.getEntity().stream()
        .filter(e -> "2".equals(e.getType().getCode()))
        .findFirst().orElseThrow(() -> new AssertionError("no resource entity"));
  }

  private static String requestIdOf(AuditEvent event) {
    return event.getEntity().stream()
        .filter(e -> "XrequestId".equals(e.getType().getCode()))
        .map(e -> e.getIdentifier().getValue())
        .findFirst().orElse(null);
  }

  private static String requestId(HttpResponse<String> response) {
    return response.request().headers().firstValue("X-Request-ID").orElseThrow();
  }

  private static List<String> scopes(String scope) {
    return Arrays.asList(scope.split(" "));
  }

  private static String coding(Coding coding) {
    return coding.getSystem() + "|" + coding.getCode();
  }

  private Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return fhir.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, null, token);
  }

  /** Every request carries its own X-Request-ID, by which its audit record is found again. */
  private HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/fhir+json")
        .header("X-Request-ID", UUID.randomUUID().toString())
        .header("Authorization", "Bearer " + token)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
