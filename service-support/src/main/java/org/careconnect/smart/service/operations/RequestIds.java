package org.careconnect.smart.service.operations;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The request id that follows one request across the services: taken from an incoming
 * {@code X-Request-Id} when it is safe to log (visible ASCII, at most 64 characters), else made
 * here; kept in the logging MDC while the request runs, so every log line and every outbound call
 * can carry it.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  /** The MDC key; the log pattern (logging.pattern.correlation) prints it. */
  public static final String MDC_KEY = "requestId";

  // Visible ASCII only: no spaces, control characters or line breaks that could forge log lines.
  private static final Pattern ACCEPTED = Pattern.compile("[\\x21-\\x7E]{1,64}");

  private RequestIds() {}

  /** The incoming id when acceptable, otherwise a new random one. */
  static String acceptOrCreate(String incoming) {
    return incoming != null && ACCEPTED.matcher(incoming).matches()
        ? incoming
        : UUID.randomUUID().toString();
  }

  /** The id of the request this thread is serving, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(MDC_KEY));
  }
}
