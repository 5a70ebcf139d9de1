package org.careconnect.smart.auth.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counter {@value #NAME} of password logins by outcome: succeeded, failed (wrong password, unknown
 * or disabled user) and locked (refused while the username and address are locked out). A burst
 * of failed and locked is what a password-guessing attack looks like.
 */
@Component
public class LoginMetrics {

  static final String NAME = "careconnect.auth.logins";

  private final Counter succeeded;
  private final Counter failed;
  private final Counter locked;

  LoginMetrics(MeterRegistry meters) {
    this.succeeded = counter(meters, "succeeded");
    this.failed = counter(meters, "failed");
    this.locked = counter(meters, "locked");
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder(NAME).description("Password logins by outcome").tag("outcome", outcome).register(meters);
  }

  public void succeeded() {
    succeeded.increment();
  }

  public void failed() {
    failed.increment();
  }

  public void locked() {
    locked.increment();
  }
}
