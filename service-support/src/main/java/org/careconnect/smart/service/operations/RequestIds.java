package org.careconnect.smart.service.operations;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    return incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : newId();
  }

  /**
   * A random version-4 UUID from the thread's own generator. A request id only tells requests
   * apart in the logs, it guards nothing, so it need not come from {@code UUID.randomUUID()}'s
   * SecureRandom, whose one lock every request thread queued on (a flight recording of the FHIR
   * server under load: 147 waits of over 10 ms in 12 s).
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  /** The id of the request this thread is serving, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(MDC_KEY));
  }
}
