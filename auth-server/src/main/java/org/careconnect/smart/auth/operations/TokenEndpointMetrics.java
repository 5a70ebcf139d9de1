package org.careconnect.smart.auth.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.careconnect.smart.auth.token.NoStore;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the token endpoint's answers: {@value #ISSUED} by grant type, {@value #REFUSED} by grant
 * type and OAuth error code (RFC 6749 §5.2, as {@link NoStore#errors()} wrote it). Tag values come
 * from closed sets: an unknown grant type is "other", an error code that is not a plain code is
 * "other", so a client cannot create new series.
 */
class TokenEndpointMetrics extends OncePerRequestFilter {

  static final String ISSUED = "careconnect.auth.tokens.issued";
  static final String REFUSED = "careconnect.auth.tokens.refused";
  private static final Set<String> GRANT_TYPES = Set.of(
      "authorization_code", "refresh_token", "client_credentials");
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

  private final MeterRegistry meters;

  TokenEndpointMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      count(request, response.getStatus());
    }
  }

  private void count(HttpServletRequest request, int status) {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    String grantType = grantType(request.getParameter("grant_type"));
    if (status == HttpServletResponse.SC_OK) {
      Counter.builder(ISSUED).description("Tokens issued by the token endpoint, by grant type")
          .tag("grant_type", grantType).register(meters).increment();
      return;
    }
    Counter.builder(REFUSED).description("Token requests refused, by grant type and OAuth error code")
        .tag("grant_type", grantType).tag("error", errorCode(request, status)).register(meters).increment();
  }

  private static String grantType(String value) {
    if (value == null || value.isEmpty()) {
      return "none";
    }
    return GRANT_TYPES.contains(value) ? value : "other";
  }

  private static String errorCode(HttpServletRequest request, int status) {
    Object code = request.getAttribute(NoStore.ERROR_CODE_ATTRIBUTE);
    if (code instanceof String text) {
      return ERROR_CODE.matcher(text).matches() ? text : "other";
    }
    return "http_" + status;
  }
}
