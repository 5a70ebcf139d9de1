package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refusal is an answer, not an error. HAPI 8.8 logs at ERROR every exception an interceptor
 * throws ({@code BaseInterceptorService}: "Exception thrown by interceptor for pointcut ..."),
 * including the 403 that {@code AuthorizationInterceptor} throws by design for every refused
 * request. So an attacker probing other patients' records would fill the error log, and real
 * errors would drown. This Logback filter drops exactly those events: logger {@value
 * #HAPI_INTERCEPTOR_LOGGER}, level ERROR, the exception a HAPI response exception with a 4xx
 * status; they are logged at DEBUG here instead. A 5xx or any other exception from an
 * interceptor is still logged at ERROR. (401s never reach HAPI: {@link BearerTokenFilter}.)
 *
 * <p>Installed when the application context starts (Spring Boot resets Logback before that, so
 * installing each time is needed and idempotent); a no-op if Logback is not the logging backend.
 */
@Component
class RefusalLogFilter extends TurboFilter {

  static final String HAPI_INTERCEPTOR_LOGGER = "ca.uhn.fhir.interceptor.executor.BaseInterceptorService";
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(RefusalLogFilter.class);

  RefusalLogFilter() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
      setName("fhir-refusals-are-not-errors");
      setContext(logback);
      start();
      logback.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !HAPI_INTERCEPTOR_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t;
    if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      thrown = last;
    }
    if (thrown instanceof BaseServerResponseException answer
        && answer.getStatusCode() >= 400 && answer.getStatusCode() < 500) {
      log.debug("Request refused by an interceptor: {} {}", answer.getStatusCode(), answer.getMessage());
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
