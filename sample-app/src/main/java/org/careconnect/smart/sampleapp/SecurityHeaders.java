package org.careconnect.smart.sampleapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on every answer. The pages hold access tokens in
 * sessionStorage, so no script may run but the app's own files ({@code script-src 'self'}, no
 * inline script, no eval), and the browser may talk only to this server, the FHIR server and the
 * authorisation server ({@code connect-src}). {@code frame-ancestors} lets the launcher's EHR-like
 * frame show the app and nobody else. {@code Referrer-Policy: no-referrer} keeps the
 * authorization code in the redirect URL from leaking to other origins.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

  private final String policy;

  SecurityHeaders(SampleAppProperties properties) {
    this.policy =
        String.join(
            "; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src " + String.join(" ", properties.connectSources()),
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'self' " + String.join(" ", properties.frameAncestors()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
