package org.careconnect.smart.service.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: fixes its request id (see {@link RequestIds}), puts it in the
 * MDC for the log lines written while the request runs, and returns it in the response header.
 * Later code reading the header itself sees the accepted id, never a refused one.
 */
class RequestIdFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
    // set before the chain runs: the header must be there even when a later filter commits the answer
    response.setHeader(RequestIds.HEADER, id);
    MDC.put(RequestIds.MDC_KEY, id);
    try {
      chain.doFilter(new WithRequestId(request, id), response);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }

  /** The request as it came, but with the accepted id as its only {@code X-Request-Id}. */
  private static final class WithRequestId extends HttpServletRequestWrapper {

    private final String id;

    WithRequestId(HttpServletRequest request, String id) {
      super(request);
      this.id = id;
    }

    @Override
    public String getHeader(String name) {
      return RequestIds.HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return RequestIds.HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(id))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      if (names.stream().noneMatch(RequestIds.HEADER::equalsIgnoreCase)) {
        names.add(RequestIds.HEADER);
      }
      return Collections.enumeration(names);
    }
  }
}
