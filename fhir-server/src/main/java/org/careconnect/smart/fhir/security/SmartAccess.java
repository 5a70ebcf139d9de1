package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Instant;
import java.util.Optional;
import org.careconnect.smart.scope.ScopeSet;

/**
 * What a verified access token allows, kept on HAPI's {@link RequestDetails} for the request.
 * (Placeholder written against the contract with the token-verification work; that branch's
 * version replaces it on merge.)
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

  static final String USER_DATA_KEY = SmartAccess.class.getName();

  public static Optional<SmartAccess> of(RequestDetails request) {
    return Optional.ofNullable(request.getUserData().get(USER_DATA_KEY))
        .filter(SmartAccess.class::isInstance)
        .map(SmartAccess.class::cast);
  }
}
