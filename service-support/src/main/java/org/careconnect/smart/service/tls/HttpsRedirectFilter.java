package org.careconnect.smart.service.tls;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code careconnect.tls.http-mode=redirect}: a request over plain http is sent to the same path
 * and query on the https port. 301 for GET and HEAD; 308 for every other method, which keeps the
 * method and body (RFC 9110 §15.4.9) where a 301 lets clients turn a POST into a GET. Never
 * redirected: health probes (an orchestrator probes plain http) and the paths a service names in
 * {@link PlainHttpPaths} beans (the FHIR server's open demo face, when enabled).
 */
class HttpsRedirectFilter extends OncePerRequestFilter {

  private final int httpsPort;
  private final List<String> servedPrefixes;

  HttpsRedirectFilter(int httpsPort, List<String> servedPrefixes) {
    this.httpsPort = httpsPort;
    this.servedPrefixes = servedPrefixes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.isSecure() || served(request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    String method = request.getMethod();
    boolean safe = "GET".equals(method) || "HEAD".equals(method);
    response.setStatus(safe ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
    response.setHeader("Location", httpsUrl(request));
    response.setContentLength(0);
  }

  private boolean served(String path) {
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      return true;
    }
    return servedPrefixes.stream().anyMatch(path::startsWith);
  }

  private String httpsUrl(HttpServletRequest request) {
    StringBuilder url = new StringBuilder("https://").append(host(request.getServerName()));
    if (httpsPort != 443) {
      url.append(':').append(httpsPort);
    }
    // the raw (still encoded) path and query: nothing decoded, nothing lost
    url.append(request.getRequestURI());
    if (request.getQueryString() != null) {
      url.append('?').append(request.getQueryString());
    }
    return url.toString();
  }

  private static String host(String name) {
    return name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
  }
}
