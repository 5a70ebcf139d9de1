package org.careconnect.smart.fhir.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail ({@code careconnect.fhir.audit.*} in application.yaml).
 *
 * @param queueCapacity records waiting for the writer; beyond it a request waits {@code offerTimeout}
 * @param batchSize most records written in one database transaction
 * @param flushInterval longest a record waits in memory before it is written
 * @param offerTimeout how long a request waits for room in a full queue before its record goes to
 *     the log instead (counted in {@code careconnect.audit.dropped})
 */
@ConfigurationProperties("careconnect.fhir.audit")
record AuditProperties(int queueCapacity, int batchSize, Duration flushInterval, Duration offerTimeout) {

  AuditProperties {
    if (queueCapacity < 1 || batchSize < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException(
          "careconnect.fhir.audit: queue-capacity and batch-size must be at least 1, flush-interval positive");
    }
  }
}
