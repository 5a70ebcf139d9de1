package org.careconnect.smart.fhir.availability;

import org.careconnect.smart.service.availability.DatabaseUnavailable;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * While the database is away (stopped, restarting, unreachable) every FHIR interaction that needs
 * it is a 503 with an OperationOutcome and {@code Retry-After}, not a 500: the client and a load
 * balancer learn that trying again shortly is right. The connection pool gives up after its
 * connection-timeout (a few seconds, application-mysql.yaml), so nothing hangs; once the database
 * is back the pool reconnects by itself.
 */
@Component
@Interceptor
class DatabaseUnavailableGuard implements EveryFaceInterceptor {

  static final String RETRY_AFTER_SECONDS = "5";
  static final String MESSAGE =
      "The FHIR server's database is unavailable. Try again shortly.";

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableGuard.class);

  @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -100)
  public BaseServerResponseException databaseUnavailable(Throwable thrown) {
    if (!DatabaseUnavailable.causedBy(thrown)) {
      return null;
    }
    log.warn("Database unavailable, answering 503: {}", thrown.toString());
    UnclassifiedServerFailureException unavailable =
        new UnclassifiedServerFailureException(503, MESSAGE);
    unavailable.addResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
    return unavailable;
  }
}
