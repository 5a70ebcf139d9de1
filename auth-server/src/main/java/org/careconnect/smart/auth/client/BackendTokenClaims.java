package org.careconnect.smart.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Claims of a backend-services access token (SMART App Launch 2.2 §backend services, "Response"):
 * {@code aud} is the FHIR base (the one asked for with {@code aud}, else the default), and it
 * expires after the configured backend lifetime (SMART: "SHOULD NOT exceed five minutes"), or
 * sooner if the client's own access-token lifetime is shorter. There is no refresh token: the
 * client authenticates again instead (SAS never issues one for client_credentials).
 */
final class BackendTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final BackendTokenRequestConverter requests;
  private final Duration lifetime;

  BackendTokenClaims(BackendTokenRequestConverter requests, Duration lifetime) {
    this.requests = requests;
    this.lifetime = lifetime;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
        || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    JwtClaimsSet.Builder claims = context.getClaims();
    OAuth2AuthorizationGrantAuthenticationToken grant = context.getAuthorizationGrant();
    // An ArrayList: the JDBC authorization service stores the claims with Jackson type ids and
    // reads back only allowlisted collection types (List.of's class is not one).
    claims.audience(new ArrayList<>(List.of(requests.audience(grant.getAdditionalParameters()))));
    // RFC 9068 §2.2.3: scope is one space-separated string (Spring puts a JSON array), as the
    // FHIR server reads it
    claims.claim("scope", String.join(" ", context.getAuthorizedScopes()));
    // RFC 9068 §2.2: the client (Spring adds none; here it is also the subject)
    claims.claim("client_id", context.getRegisteredClient().getClientId());
    claims.claims(
        c -> {
          Instant issuedAt = (Instant) c.get("iat");
          Instant expiresAt = (Instant) c.get("exp");
          if (issuedAt != null && (expiresAt == null || expiresAt.isAfter(issuedAt.plus(lifetime)))) {
            c.put("exp", issuedAt.plus(lifetime));
          }
        });
  }
}
