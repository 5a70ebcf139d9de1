package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body of the FHIR API to {@code careconnect.fhir.max-request-size}.
 *
 * <p>Why: HAPI reads a whole body into memory before parsing it, so without a bound one client
 * can exhaust the heap. The declared {@code Content-Length} is refused up front; a chunked body
 * declares nothing, so its bytes are counted as they are read; a gzip body is counted after
 * decompression, or a small "zip bomb" would expand past any limit.
 *
 * <p>The filter only wraps the request. The refusal (a {@link PayloadTooLargeException}, 413) is
 * thrown when HAPI reads the body, inside HAPI's request handling, so that the client gets a FHIR
 * OperationOutcome in the format it asked for, like every other error. ({@code RequestBodyGuard}
 * reads the body of every write before a handler is chosen, so the limit applies to all of them.)
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  BodySizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new SizeLimitedRequest(request, maxBytes), response);
  }
}
