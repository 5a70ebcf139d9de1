package org.careconnect.smart.service.tls;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Strict-Transport-Security} (RFC 6797) on every answer sent over https, for a service with
 * no Spring Security to add it (the FHIR server, whose HAPI servlet answers too; the sample app).
 * The service registers it itself: the others get the header from Spring Security. Never on http, where a browser must
 * ignore it anyway (RFC 6797 §7.2). Set before the chain runs, so errors carry it too.
 */
public class StrictTransportSecurityFilter extends OncePerRequestFilter {

  private final String value;

  public StrictTransportSecurityFilter(long maxAgeSeconds) {
    this.value = "max-age=" + maxAgeSeconds + " ; includeSubDomains";
  }

  /** In front of everything, so that every answer over https carries it, errors included. */
  public static FilterRegistrationBean<StrictTransportSecurityFilter> registration(long maxAgeSeconds) {
    FilterRegistrationBean<StrictTransportSecurityFilter> registration =
        new FilterRegistrationBean<>(new StrictTransportSecurityFilter(maxAgeSeconds));
    registration.setName("strict-transport-security");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
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
