package org.careconnect.smart.fhir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.careconnect.smart.fhir.operations.TokenRefusalMetrics.Reason;
import org.careconnect.smart.fhir.operations.TokenRefusalMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a FHIR request through only with a valid bearer token (RFC 6750 §2.1), and puts the
 * {@link TokenPermissions} it grants on the request for the rules. A token is verified and its
 * permissions worked out on its first request only, then kept ({@link VerifiedTokens}): every
 * later request with it does one cache lookup. A servlet filter rather than a HAPI
 * hook, so a refusal costs no parsing and leaves no ERROR in the log (a 401 is the client's
 * affair); a plain one, registered for REQUEST dispatches only, so it runs once per request
 * without {@code OncePerRequestFilter}'s bookkeeping (docs/decisions/0017).
 *
 * <p>Open without a token: the CapabilityStatement ({@code /metadata}, and {@code OPTIONS} on the
 * base, its STU3 alias) and {@code .well-known/smart-configuration}, which a client reads before
 * it has a token (SMART App Launch 2.2 §conformance). CORS preflights never reach this filter:
 * the CORS filter before it answers them.
 */
class BearerTokenFilter extends HttpFilter {

  private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
  /** The scheme and its space, in the spelling RFC 6750 §2.1 gives (matched without case). */
  private static final String SCHEME = "Bearer ";

  private final VerifiedTokens verifiedTokens;
  private final Function<String, TokenPermissions> verifyAfresh;
  private final BearerChallenges challenges;
  private final TokenRefusalMetrics refusals;

  BearerTokenFilter(TokenVerifier verifier, ScopeRules rules, VerifiedTokens verifiedTokens,
      BearerChallenges challenges, TokenRefusalMetrics refusals) {
    this.verifiedTokens = verifiedTokens;
    this.verifyAfresh = header -> rules.permissionsFor(verifier.verify(bearerToken(header)));
    this.challenges = challenges;
    this.refusals = refusals;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isOpen(request)) {
      chain.doFilter(request, response);
      return;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      // RFC 6750 §3.1: a request without authentication gets the challenge without an error code.
      refusals.refused(Reason.MISSING_TOKEN);
      challenges.missingToken(response);
      return;
    }
    try {
      TokenPermissions permissions = verifiedTokens.verify(inOneSpelling(authorization), verifyAfresh);
      request.setAttribute(TokenPermissions.KEY, permissions);
    } catch (TokenVerifier.InvalidTokenException e) {
      log.debug("Refused a bearer token: {}", e.getMessage());
      refusals.refused(Reason.INVALID_TOKEN);
      challenges.invalidToken(response, e.getMessage());
      return;
    } catch (TokenVerifier.KeysUnavailableException e) {
      log.warn("{}: {}", e.getMessage(), e.getCause().toString());
      refusals.refused(Reason.KEYS_UNAVAILABLE);
      challenges.keysUnavailable(response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The token of an {@code Authorization: Bearer} header value (RFC 6750 §2.1). */
  private static String bearerToken(String authorization) {
    return authorization.substring(SCHEME.length()).trim();
  }

  /**
   * The header value as {@link VerifiedTokens} knows it, {@code "Bearer "} and the token: the
   * header itself when a client spells it so, as clients do, so that a remembered token costs no
   * copy of it; otherwise built anew. One spelling, so that one token has one entry: a client
   * varying the scheme's case or the spaces cannot make the verifier check one token again and
   * again or crowd other tokens out.
   */
  static String inOneSpelling(String authorization) {
    int last = authorization.length() - 1;
    boolean asKept = last >= SCHEME.length() && authorization.startsWith(SCHEME)
        && authorization.charAt(SCHEME.length()) > ' ' && authorization.charAt(last) > ' ';
    return asKept ? authorization : SCHEME + bearerToken(authorization);
  }

  private static boolean isOpen(HttpServletRequest request) {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    // The SMART configuration has its own exact servlet mapping: the whole path is the servlet
    // path and there is no path info (a stock fhirclient app reads it without a token).
    boolean smartConfiguration = request.getPathInfo() == null
        && request.getServletPath().endsWith(SmartConfigurationServlet.PATH);
    return "/metadata".equals(path)
        || smartConfiguration
        || SmartConfigurationServlet.PATH.equals(path)
        || ("OPTIONS".equals(request.getMethod()) && (path.isEmpty() || "/".equals(path)));
  }
}
