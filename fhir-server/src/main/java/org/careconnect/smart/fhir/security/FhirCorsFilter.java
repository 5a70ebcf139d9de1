package org.careconnect.smart.fhir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * CORS on every FHIR answer, 401 and 403 included, preflights answered here, by Spring's
 * {@link DefaultCorsProcessor}. Not Spring's {@code CorsFilter}, which does the same through
 * {@code OncePerRequestFilter}: that bookkeeping (an attribute named anew, set and removed on each
 * request) buys nothing for a filter registered for REQUEST dispatches only, and the processor
 * gives a request without an {@code Origin} (every client but a browser making a cross-origin
 * request) three {@code Vary} lines, each added after listing the ones already set
 * (docs/decisions/0017).
 *
 * <p>A request without an {@code Origin} is no CORS request: the processor would add the three
 * {@code Vary} values and nothing else, so it gets them here in one line (a list header, RFC 9110
 * §5.3: one line or three mean the same). Caches must still keep such an answer apart from one to a
 * browser's cross-origin request.
 */
final class FhirCorsFilter extends HttpFilter {

  /** What the processor varies on, as one header value. */
  static final String VARY = String.join(", ", HttpHeaders.ORIGIN,
      HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

  private final CorsConfiguration configuration;
  private final CorsProcessor processor = new DefaultCorsProcessor();

  FhirCorsFilter(CorsConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getHeader(HttpHeaders.ORIGIN) == null) {
      response.addHeader(HttpHeaders.VARY, VARY);
      chain.doFilter(request, response);
      return;
    }
    // Spring's CorsFilter, step for step: a refused origin or a preflight ends here.
    if (processor.processRequest(configuration, request, response) && !CorsUtils.isPreFlightRequest(request)) {
      chain.doFilter(request, response);
    }
  }
}
