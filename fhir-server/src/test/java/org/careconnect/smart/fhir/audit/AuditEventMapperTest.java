package org.careconnect.smart.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.dstu3.model.AuditEvent;
import org.junit.jupiter.api.Test;

/** Records as AuditEvents, after the FHIR RESTful audit pattern. */
class AuditEventMapperTest {

  @Test
  void serverFailureWhenMappedThenOutcome8AndHttpStatus() {
    AuditEvent event = map(new AuditRecord(0L, "read", null, "Patient", "1", 503, "app", "user", null, "1", "jti",
        "req", "10.0.0.1", "GET", null));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
    assertThat(event.getOutcomeDesc()).isEqualTo("HTTP 503");
  }

  @Test
  void typeLevelSearchWhenMappedThenQueryTypeAndTheSearchAsEntity() {
    AuditEvent event = map(new AuditRecord(0L, "search-type", null, "Observation", null, 200, "app", "user", null,
        "p1", null, "req", "10.0.0.1", "GET", "patient=p1&code=x"));

    assertThat(event.getType().getSystem()).isEqualTo("http://dicom.nema.org/resources/ontology/DCM");
    assertThat(event.getType().getCode()).isEqualTo("110112");
    assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
    AuditEvent.AuditEventEntityComponent searched = event.getEntity().get(1);
    assertThat(searched.getName()).isEqualTo("Observation");
    assertThat(searched.hasReference()).isFalse();
    assertThat(searched.getRole().getCode()).isEqualTo("24");
    assertThat(new String(searched.getQuery(), StandardCharsets.UTF_8)).isEqualTo("patient=p1&code=x");
  }

  @Test
  void operationWhenMappedThenExecuteWithItsNameAsSecondSubtype() {
    AuditEvent event = map(new AuditRecord(0L, "operation", "$everything", "Patient", "1", 200, "app", "user",
        null, "1", null, null, null, "GET", null));

    assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
    assertThat(event.getSubtype()).extracting(c -> c.getCode()).containsExactly("operation", "$everything");
    assertThat(event.getEntity()).hasSize(2); // no request id, no third entity
  }

  private static AuditEvent map(AuditRecord record) {
    return AuditEventMapper.toAuditEvent(new AuditEventTable.StoredAuditRecord(7L, record));
  }
}
