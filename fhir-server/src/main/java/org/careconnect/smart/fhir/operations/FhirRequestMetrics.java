package org.careconnect.smart.fhir.operations;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.springframework.stereotype.Component;

/**
 * Requests and latencies per FHIR interaction: timer {@value #REQUESTS} tagged with the
 * interaction (HAPI's code: read, vread, search-type, create, update, delete, history-instance,
 * transaction, batch, extended-operation-type, ...), the resource type, the outcome's status class
 * (2xx, 4xx, 5xx) and the face (secured, open); and {@value #ACTIVE}, the requests in flight.
 * Tags are drawn from closed sets only (never an id, a patient or a query value), so the number of
 * series stays bounded whatever clients send.
 *
 * <p>Each series' meter is looked up once and kept here: building and registering it on every
 * request (tags sorted, the registry's map searched) was 2-4 % of a read's CPU.
 */
@Component
@Interceptor
public class FhirRequestMetrics implements EveryFaceInterceptor {

  static final String REQUESTS = "careconnect.fhir.requests";
  static final String ACTIVE = "careconnect.fhir.requests.active";
  private static final String SAMPLE = FhirRequestMetrics.class.getName() + ".active";
  private static final String RECORDED = FhirRequestMetrics.class.getName() + ".recorded";
  /** Each interaction's tag value, lower-cased once. */
  private static final Map<RestOperationTypeEnum, String> INTERACTIONS = interactionCodes();

  private final MeterRegistry meters;
  private final Set<String> resourceTypes;
  private final Map<ActiveSeries, LongTaskTimer> active = new ConcurrentHashMap<>();
  private final Map<RequestSeries, Timer> requests = new ConcurrentHashMap<>();

  private record ActiveSeries(String interaction, String face) {}

  private record RequestSeries(String interaction, String resourceType, String outcome, String face) {}

  FhirRequestMetrics(MeterRegistry meters, FhirContext fhirContext) {
    this.meters = meters;
    this.resourceTypes = Set.copyOf(fhirContext.getResourceTypes());
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void started(RequestDetails request, RestOperationTypeEnum operation) {
    if (!request.getUserData().containsKey(SAMPLE)) {
      LongTaskTimer timer = cached(active, new ActiveSeries(interaction(operation), face(request)),
          series -> LongTaskTimer.builder(ACTIVE)
              .description("FHIR requests being processed")
              .tag("interaction", series.interaction())
              .tag("face", series.face())
              .register(meters));
      request.getUserData().put(SAMPLE, timer.start());
    }
  }

  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
  public void completed(RequestDetails request, ServletRequestDetails servlet) {
    if (request.getUserData().remove(SAMPLE) instanceof LongTaskTimer.Sample sample) {
      sample.stop();
    }
    // HAPI may report completion more than once on some error paths: count each request once
    if (request.getUserData().putIfAbsent(RECORDED, Boolean.TRUE) != null) {
      return;
    }
    RequestSeries series = new RequestSeries(
        interaction(request.getRestOperationType()),
        resourceType(request.getResourceName()),
        outcome(servlet == null ? 0 : servlet.getServletResponse().getStatus()),
        face(request));
    cached(requests, series, key -> Timer.builder(REQUESTS)
            .description("FHIR requests by interaction, resource type and outcome")
            .tag("interaction", key.interaction())
            .tag("resource_type", key.resourceType())
            .tag("outcome", key.outcome())
            .tag("face", key.face())
            .register(meters))
        .record(request.getRequestStopwatch().getMillis(), TimeUnit.MILLISECONDS);
  }

  /** The series' meter, registered on its first request; a plain read after that. */
  private static <K, M> M cached(Map<K, M> bySeries, K series, Function<K, M> register) {
    M meter = bySeries.get(series);
    return meter != null ? meter : bySeries.computeIfAbsent(series, register);
  }

  private static Map<RestOperationTypeEnum, String> interactionCodes() {
    Map<RestOperationTypeEnum, String> codes = new EnumMap<>(RestOperationTypeEnum.class);
    for (RestOperationTypeEnum operation : RestOperationTypeEnum.values()) {
      codes.put(operation, String.valueOf(operation.getCode()).toLowerCase(Locale.ROOT));
    }
    return codes;
  }

  private static String interaction(RestOperationTypeEnum operation) {
    return operation == null ? "unknown" : INTERACTIONS.get(operation);
  }

  /** Only the types this FHIR version defines: an unknown name in a URL is not a new series. */
  private String resourceType(String name) {
    if (name == null || name.isEmpty()) {
      return "none";
    }
    return resourceTypes.contains(name) ? name : "other";
  }

  private static String outcome(int status) {
    return status >= 100 && status < 600 ? (status / 100) + "xx" : "unknown";
  }

  private static String face(RequestDetails request) {
    return request instanceof ServletRequestDetails servlet
        && servlet.getServletRequest().getServletPath().startsWith("/open/") ? "open" : "secured";
  }
}
