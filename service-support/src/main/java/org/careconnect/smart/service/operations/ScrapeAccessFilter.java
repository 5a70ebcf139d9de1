package org.careconnect.smart.service.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /actuator/prometheus} on the public port: only a scraper presenting the
 * configured HTTP Basic credential gets the metrics. With no password configured (the default)
 * every caller is refused, so the metrics are never open to the internet by accident.
 */
class ScrapeAccessFilter extends OncePerRequestFilter {

  static final String REFUSAL =
      "{\"error\":\"unauthorized\",\"error_description\":\"The metrics need the scrape credential\"}";

  private final byte[] expected;

  ScrapeAccessFilter(OperationsProperties.Metrics metrics) {
    this.expected = metrics.scrapeEnabled()
        ? (metrics.username() + ":" + metrics.password()).getBytes(StandardCharsets.UTF_8)
        : null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (expected != null && MessageDigest.isEqual(expected, presented(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.getWriter().write(REFUSAL);
  }

  /** The user:password of an {@code Authorization: Basic} header (RFC 7617), else nothing. */
  private static byte[] presented(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new byte[0];
    }
    try {
      return Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException notBase64) {
      return new byte[0];
    }
  }
}
