package org.careconnect.smart.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.fhir.security.TestTokens;
import org.careconnect.smart.fhir.support.SecuredFhirServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every request on the secured face leaves one audit record, allowed or refused, with its facts. */
class AuditTrailTest extends SecuredFhirServerTest {

  String patient;

  @BeforeAll
  void onePatient() {
    patient = createPatient();
  }

  @Test
  void allowedReadWhenAnsweredThenRecordHasClientUserPatientInteractionAndSuccess() {
    String token = tokens.sign(TestTokens.claims("patient/*.rs")
        .claim("patient", patient).claim("fhirUser", "Patient/" + patient).build());

    HttpResponse<String> response = send("GET", "Patient/" + patient, token, null);

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> row = auditRowOf(response);
    assertThat(row).containsEntry("INTERACTION", "read").containsEntry("RES_TYPE", "Patient")
        .containsEntry("RES_ID", patient).containsEntry("STATUS", 200).containsEntry("OUTCOME", "0")
        .containsEntry("CLIENT_ID", "test-app").containsEntry("SUBJECT", "user-1")
        .containsEntry("FHIR_USER", "Patient/" + patient).containsEntry("PATIENT", patient)
        .containsEntry("METHOD", "GET").containsEntry("CLIENT_ADDRESS", "127.0.0.1");
    assertThat((String) row.get("TOKEN_ID")).isNotBlank();
    assertThat((Long) row.get("RECORDED")).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
  }

  @Test
  void requestWithoutTokenWhenRefused401ThenRecordedWithoutClient() {
    HttpResponse<String> response = send("GET", "Patient/" + patient, null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    Map<String, Object> row = auditRowOf(response);
    assertThat(row).containsEntry("INTERACTION", "read").containsEntry("RES_TYPE", "Patient")
        .containsEntry("RES_ID", patient).containsEntry("STATUS", 401).containsEntry("OUTCOME", "4")
        .containsEntry("CLIENT_ID", null).containsEntry("SUBJECT", null).containsEntry("CLIENT_ADDRESS", "127.0.0.1");
  }

  @Test
  void badTokenWhenRefused401ThenRecorded() {
    HttpResponse<String> response = send("GET", "Observation?patient=" + patient, "not-a-jwt", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(auditRowOf(response)).containsEntry("INTERACTION", "search-type").containsEntry("RES_TYPE", "Observation")
        .containsEntry("STATUS", 401).containsEntry("PATIENT", null);
  }

  @Test
  void otherPatientsDataWhenRefused403ThenRecordedWithTheTokensPatientContext() {
    String other = createPatient();
    HttpResponse<String> response = send("GET", "Patient/" + other, tokens.patientToken(patient, "patient/*.rs"), null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(auditRowOf(response)).containsEntry("INTERACTION", "read").containsEntry("RES_ID", other)
        .containsEntry("STATUS", 403).containsEntry("OUTCOME", "4").containsEntry("PATIENT", patient)
        .containsEntry("CLIENT_ID", "test-app");
  }

  @Test
  void unknownResourceWhen404ThenRecordedAsMinorFailure() {
    HttpResponse<String> response = send("GET", "Patient/no-such-patient-" + patient, token("user/*.rs"), null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(auditRowOf(response)).containsEntry("STATUS", 404).containsEntry("OUTCOME", "4")
        .containsEntry("PATIENT", "no-such-patient-" + patient);
  }

  @Test
  void searchWhenAllowedThenRecordedAsSearchTypeWithItsQueryAndPatient() {
    HttpResponse<String> response =
        send("GET", "Observation?patient=Patient/" + patient + "&_count=5", token("user/*.rs"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(auditRowOf(response)).containsEntry("INTERACTION", "search-type").containsEntry("RES_TYPE", "Observation")
        .containsEntry("RES_ID", null).containsEntry("PATIENT", patient)
        .containsEntry("QUERY", "patient=Patient/" + patient + "&_count=5");
  }

  @Test
  void everythingWhenAllowedThenRecordedAsOperationWithItsName() {
    HttpResponse<String> response = send("GET", "Patient/" + patient + "/$everything", token("user/*.rs"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(auditRowOf(response)).containsEntry("INTERACTION", "operation").containsEntry("OPERATION", "$everything")
        .containsEntry("RES_TYPE", "Patient").containsEntry("RES_ID", patient);
  }

  @Test
  void writesWhenAnsweredThenRecordedAsCreateUpdateDelete() {
    String token = token("system/*.*");
    String body = "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"Written\"}]}";
    HttpResponse<String> created = send("POST", "Patient", token, body);
    String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Patient/([^/]+)/_history/.*", "$1");
    HttpResponse<String> updated = send("PUT", "Patient/" + id,
        token, body.replace("{\"resourceType\":\"Patient\",", "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\","));
    HttpResponse<String> deleted = send("DELETE", "Patient/" + id, token, null);

    assertThat(auditRowOf(created)).containsEntry("INTERACTION", "create").containsEntry("STATUS", 201);
    assertThat(auditRowOf(updated)).containsEntry("INTERACTION", "update").containsEntry("RES_ID", id)
        .containsEntry("STATUS", 200);
    assertThat(auditRowOf(deleted)).containsEntry("INTERACTION", "delete").containsEntry("RES_ID", id);
  }

  @Test
  void bundlesWhenPostedThenRecordedAsTransactionOrBatch() {
    String token = token("system/*.*");
    String entry = "\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"Patient/" + patient + "\"}}]}";

    HttpResponse<String> batch = send("POST", "", token, "{\"resourceType\":\"Bundle\",\"type\":\"batch\"," + entry);
    HttpResponse<String> transaction =
        send("POST", "", token, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\"," + entry);

    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(auditRowOf(batch)).containsEntry("INTERACTION", "batch").containsEntry("STATUS", 200);
    assertThat(auditRowOf(transaction)).containsEntry("INTERACTION", "transaction");
  }

  @Test
  void metadataWithoutTokenThenRecordedAsCapabilities() {
    HttpResponse<String> response = send("GET", "metadata", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(auditRowOf(response)).containsEntry("INTERACTION", "capabilities").containsEntry("STATUS", 200);
  }

  @Test
  void discoveryAndPreflightWhenAnsweredThenNotAudited() {
    HttpResponse<String> discovery = send("GET", ".well-known/smart-configuration", null, null);
    HttpResponse<String> preflight = client().send("OPTIONS", "Patient", null, null, "X-Request-ID", "preflight-"
        + requestId(discovery), "Origin", "http://localhost:9200", "Access-Control-Request-Method", "GET");
    HttpResponse<String> after = send("GET", "metadata", null, null);

    assertThat(auditRowOf(after)).containsEntry("INTERACTION", "capabilities");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE request_id IN (?, ?)", Integer.class,
        requestId(discovery), "preflight-" + requestId(discovery))).isZero();
    assertThat(preflight.statusCode()).isEqualTo(200);
  }
}
