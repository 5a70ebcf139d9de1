package org.careconnect.smart.auth.availability;

import org.careconnect.smart.service.availability.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (stopped, restarting, unreachable) a request that needs it is a 503
 * with {@code Retry-After}, not a 500: the OAuth endpoints and APIs answer the OAuth error JSON
 * {@code {"error":"temporarily_unavailable",...}} (RFC 6749 §4.1.2.1 names the code), browser
 * pages (authorize, login, consent, admin) the error page. The connection pool gives up after its
 * connection-timeout (a few seconds, application-mysql.yaml), so nothing hangs, and reconnects by
 * itself once the database is back.
 *
 * <p>Registered by {@link AvailabilityConfig} outside Spring Security's filters, so it sees what
 * their endpoints throw; headers already set (CORS among them) are kept, so a browser app can
 * read the answer.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "5";
  static final String JSON_BODY =
      "{\"error\":\"temporarily_unavailable\",\"error_description\":"
          + "\"The authorization server's database is unavailable. Try again shortly.\"}";

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable, answering 503 to {}: {}", request.getRequestURI(), e.toString());
      unavailable(request, response);
    }
  }

  private static void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.resetBuffer();
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setHeader("Cache-Control", "no-store");
    if (isBrowserPage(request)) {
      // Boot's error controller renders templates/error.html for this status.
      request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
      request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      request.getRequestDispatcher("/error").forward(request, response);
      return;
    }
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON_BODY);
  }

  /** Pages a person looks at; everything else (token, introspection, APIs) is read by programs. */
  private static boolean isBrowserPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean machineEndpoint = (path.startsWith("/oauth2/") && !path.equals("/oauth2/authorize"))
        || path.startsWith("/api/")
        || path.startsWith("/register")
        || path.startsWith("/connect/")
        || path.startsWith("/userinfo")
        || path.startsWith("/.well-known/");
    return !machineEndpoint;
  }
}
