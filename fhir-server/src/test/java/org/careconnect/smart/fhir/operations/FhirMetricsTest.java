package org.careconnect.smart.fhir.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.careconnect.smart.fhir.support.SecuredFhirServerTest;
import org.junit.jupiter.api.Test;

/** Each metric that matters moves when its event happens, read the way Prometheus reads it. */
class FhirMetricsTest extends SecuredFhirServerTest {

  private static final String REQUESTS = "careconnect_fhir_requests_seconds_count";
  private static final String REFUSALS = "careconnect_fhir_token_refusals_total";

  private Scrape scrape() {
    return new Scrape("http://localhost:" + port);
  }

  @Test
  void interactionsWhenServedThenCountedByInteractionTypeAndOutcome() throws Exception {
    String system = token("system/*.*");
    String patient = createPatient();
    String text = scrape().text();
    double reads = Scrape.valueIn(text, REQUESTS, "interaction", "read", "resource_type", "Patient", "outcome", "2xx");
    double missing = Scrape.valueIn(text, REQUESTS, "interaction", "read", "resource_type", "Patient", "outcome", "4xx");
    double searches = Scrape.valueIn(text, REQUESTS, "interaction", "search-type", "resource_type", "Patient", "outcome", "2xx");
    double updates = Scrape.valueIn(text, REQUESTS, "interaction", "update", "resource_type", "Patient", "outcome", "2xx");
    double transactions = Scrape.valueIn(text, REQUESTS, "interaction", "transaction", "outcome", "2xx");

    assertThat(send("GET", "Patient/" + patient, system, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "Patient/does-not-exist", system, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "Patient?_id=" + patient, system, null).statusCode()).isEqualTo(200);
    assertThat(send("PUT", "Patient/" + patient, system, "{\"resourceType\":\"Patient\",\"id\":\"" + patient
        + "\",\"name\":[{\"use\":\"official\",\"family\":\"Updated\"}]}").statusCode()).isEqualTo(200);
    assertThat(send("POST", "", system, "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{"
        + "\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"InTx\"}]},"
        + "\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}]}").statusCode()).isEqualTo(200);

    String after = scrape().text();
    assertThat(Scrape.valueIn(after, REQUESTS, "interaction", "read", "resource_type", "Patient", "outcome", "2xx")).isEqualTo(reads + 1);
    assertThat(Scrape.valueIn(after, REQUESTS, "interaction", "read", "resource_type", "Patient", "outcome", "4xx")).isEqualTo(missing + 1);
    assertThat(Scrape.valueIn(after, REQUESTS, "interaction", "search-type", "resource_type", "Patient", "outcome", "2xx")).isEqualTo(searches + 1);
    assertThat(Scrape.valueIn(after, REQUESTS, "interaction", "update", "resource_type", "Patient", "outcome", "2xx")).isEqualTo(updates + 1);
    assertThat(Scrape.valueIn(after, REQUESTS, "interaction", "transaction", "outcome", "2xx")).isEqualTo(transactions + 1);
    assertThat(after).contains("careconnect_fhir_requests_seconds_sum{")
        .contains("careconnect_fhir_requests_active_seconds_count{")
        // Spring's per-URI twin of the in-flight gauge is off (application.yaml): one is enough
        .contains("http_server_requests_seconds_count{")
        .doesNotContain("http_server_requests_active_seconds");
  }

  @Test
  void seriesWhenRequestsNameIdsAndUnknownTypesThenNoIdAppearsInAnyTag() throws Exception {
    String system = token("system/*.*");
    String id = FhirTestClient.unique("metrics-id-");

    send("GET", "Patient/" + id, system, null);
    send("GET", "NoSuchType" + id, system, null);

    assertThat(scrape().text()).doesNotContain(id);
  }

  @Test
  void validationFailureWhenWriteDoesNotConformThenCountedByResourceType() throws Exception {
    double before = scrape().value("careconnect_fhir_validation_failures_total", "resource_type", "Patient");

    HttpResponse<String> rejected = send("POST", "Patient", token("system/*.*"),
        "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"Cat\"}],\"animal\":{\"species\":{\"text\":\"cat\"}}}");

    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(scrape().value("careconnect_fhir_validation_failures_total", "resource_type", "Patient")).isEqualTo(before + 1);
  }

  @Test
  void tokenRefusalsWhenMissingInvalidOrInsufficientThenCountedByStatusAndReason() throws Exception {
    String patient = createPatient();
    String text = scrape().text();
    double missing = Scrape.valueIn(text, REFUSALS, "status", "401", "reason", "missing_token");
    double invalid = Scrape.valueIn(text, REFUSALS, "status", "401", "reason", "invalid_token");
    double insufficient = Scrape.valueIn(text, REFUSALS, "status", "403", "reason", "insufficient_scope");

    assertThat(send("GET", "Patient/" + patient, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "Patient/" + patient, "not-a-jwt", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "Patient/" + patient, token("user/Observation.rs"), null).statusCode()).isEqualTo(403);

    String after = scrape().text();
    assertThat(Scrape.valueIn(after, REFUSALS, "status", "401", "reason", "missing_token")).isEqualTo(missing + 1);
    assertThat(Scrape.valueIn(after, REFUSALS, "status", "401", "reason", "invalid_token")).isEqualTo(invalid + 1);
    assertThat(Scrape.valueIn(after, REFUSALS, "status", "403", "reason", "insufficient_scope")).isEqualTo(insufficient + 1);
  }

  @Test
  void auditWhenRequestsAreServedThenWrittenCountRisesAndNothingDropped() throws Exception {
    double written = scrape().value("careconnect_audit_written_total");
    double dropped = scrape().value("careconnect_audit_dropped_total");

    HttpResponse<String> read = send("GET", "Patient?_count=1", token("system/*.*"), null);

    assertThat(read.statusCode()).isEqualTo(200);
    Awaitility.await("audit record written").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> scrape().value("careconnect_audit_written_total") >= written + 1);
    assertThat(scrape().value("careconnect_audit_dropped_total")).isEqualTo(dropped);
    assertThat(scrape().text()).contains("careconnect_audit_queued{");
  }
}
