package org.careconnect.smart.fhir.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counter {@value #NAME}: requests the SMART enforcement refused, by status (401, 403, 503) and
 * reason (missing_token, invalid_token, insufficient_scope, keys_unavailable). A rise in
 * invalid_token after a key rotation or in insufficient_scope after an app release shows here.
 */
@Component
public class TokenRefusalMetrics {

  static final String NAME = "careconnect.fhir.token.refusals";

  public enum Reason {
    MISSING_TOKEN(401), INVALID_TOKEN(401), INSUFFICIENT_SCOPE(403), KEYS_UNAVAILABLE(503);

    private final int status;

    Reason(int status) {
      this.status = status;
    }
  }

  private final MeterRegistry meters;

  TokenRefusalMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  public void refused(Reason reason) {
    Counter.builder(NAME)
        .description("Requests refused by the SMART token and scope checks")
        .tag("status", String.valueOf(reason.status))
        .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
        .register(meters)
        .increment();
  }
}
