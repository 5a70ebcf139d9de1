package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Instant;
import java.util.Optional;
import org.careconnect.smart.scope.ScopeSet;

/**
 * What a verified access token lets its bearer do, put on the request once the token is
 * verified ({@link BearerTokenFilter}) and read by the rules, the narrowing, consent and audit.
 *
 * @param tokenId the token's {@code jti}
 * @param clientId the OAuth client the token was issued to
 * @param subject the token's {@code sub} (the user, or the client for backend services)
 * @param fhirUser the user's FHIR identity, like {@code Practitioner/x}; null when none
 * @param patient the launch patient's bare id; null when none
 * @param encounter the launch encounter's bare id; null when none
 * @param scopes the granted scopes
 * @param expiresAt the token's {@code exp}
 */
public record SmartAccess(
    String tokenId,
    String clientId,
    String subject,
    String fhirUser,
    String patient,
    String encounter,
    ScopeSet scopes,
    Instant expiresAt) {

  /** Servlet request attribute and HAPI user-data key under which the access is kept. */
  static final String KEY = SmartAccess.class.getName();

  /** The access of a request whose token was verified; empty when security is off. */
  public static Optional<SmartAccess> of(RequestDetails request) {
    Object access = request.getUserData().get(KEY);
    if (access == null && request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
      access = servlet.getServletRequest().getAttribute(KEY);
      if (access != null) {
        request.getUserData().put(KEY, access);
      }
    }
    return Optional.ofNullable((SmartAccess) access);
  }

  /** The id of the user's own Patient resource when the user is a patient, else null. */
  String fhirUserPatient() {
    return fhirUser != null && fhirUser.startsWith("Patient/") ? fhirUser.substring("Patient/".length()) : null;
  }

  boolean isPractitionerUser() {
    return fhirUser != null && (fhirUser.startsWith("Practitioner/") || fhirUser.startsWith("PractitionerRole/"));
  }
}
