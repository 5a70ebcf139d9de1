package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every request on the secured face once it has been answered, whoever answered it: HAPI,
 * a guard, token verification (401) or the scope rules (403). A servlet filter outside everything
 * else, because some refusals never reach a HAPI handler; what HAPI learnt of the request (its
 * interaction, the verified token) it leaves on the request ({@link AuditRequestCapture}).
 *
 * <p>Not audited: CORS preflights and {@code .well-known} discovery, which carry no token and
 * touch no data.
 */
final class AuditFilter extends OncePerRequestFilter {

  static final String REQUEST_DETAILS = AuditFilter.class.getName() + ".requestDetails";

  private final AuditTrail trail;
  private final Clock clock;

  AuditFilter(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      if (audited(request)) {
        // an exception escaping the servlet becomes the container's 500
        int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
        RequestDetails details = (RequestDetails) request.getAttribute(REQUEST_DETAILS);
        trail.record(AuditRecords.of(request, response, status, details, clock.millis()));
      }
    }
  }

  /** By URI: the SMART configuration is an exact servlet mapping of its own, without a path info. */
  private static boolean audited(HttpServletRequest request) {
    return !"OPTIONS".equals(request.getMethod()) && !request.getRequestURI().contains("/.well-known/");
  }
}
