package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Instant;
import java.util.Optional;
import org.careconnect.smart.scope.ScopeSet;

/**
 * What a verified access token lets its bearer do: its claims, read by audit and from which
 * {@link ScopeRules} works out the token's {@link TokenPermissions}, which the request carries.
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

  /** The access of a request whose token was verified; empty when security is off. */
  public static Optional<SmartAccess> of(RequestDetails request) {
    TokenPermissions permissions = TokenPermissions.of(request);
    return permissions == null ? Optional.empty() : Optional.of(permissions.access());
  }

  /** The id of the user's own Patient resource when the user is a patient, else null. */
  String fhirUserPatient() {
    return fhirUser != null && fhirUser.startsWith("Patient/") ? fhirUser.substring("Patient/".length()) : null;
  }

  boolean isPractitionerUser() {
    return fhirUser != null && (fhirUser.startsWith("Practitioner/") || fhirUser.startsWith("PractitionerRole/"));
  }
}
