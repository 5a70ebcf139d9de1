package org.careconnect.smart.fhir.tls;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Strict-Transport-Security} (RFC 6797) on every answer sent over https, the HAPI servlet's
 * included: this server has no Spring Security to add it. Never on http, where a browser must
 * ignore it anyway (RFC 6797 §7.2). Set before the chain runs, so errors carry it too.
 */
class StrictTransportSecurityFilter extends OncePerRequestFilter {

  private final String value;

  StrictTransportSecurityFilter(long maxAgeSeconds) {
    this.value = "max-age=" + maxAgeSeconds + " ; includeSubDomains";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", value);
    }
    chain.doFilter(request, response);
  }
}
