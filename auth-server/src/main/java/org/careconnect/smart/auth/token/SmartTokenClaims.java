package org.careconnect.smart.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.careconnect.smart.auth.launch.LaunchContext;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * SMART claims on the JWTs this server signs.
 *
 * <ul>
 *   <li>Access token: {@code aud} is the FHIR base the app asked for with {@code aud} (SMART 2.2
 *       §authorization request; checked in authorize/AudienceValidator), the lifetime is capped
 *       at one hour whatever a client's settings say, and {@code fhirUser}, {@code patient},
 *       {@code encounter} are added for the FHIR server and for introspection (RFC 7662 copies
 *       the token's claims).
 *   <li>ID token: {@code fhirUser} when the {@code fhirUser} scope was granted (SMART 2.2
 *       §scopes for requesting identity data); {@code nonce} is echoed by Spring Authorization
 *       Server itself (OpenID Connect Core §3.1.3.7).
 * </ul>
 */
final class SmartTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final Duration MAX_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
  static final String AUD = "aud";
  static final String FHIR_USER = "fhirUser";

  private final UserAccounts users;

  SmartTokenClaims(UserAccounts users) {
    this.users = users;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    OAuth2Authorization authorization = context.getAuthorization();
    if (authorization == null) {
      return; // client_credentials and other grants without a user: nothing SMART to add yet
    }
    JwtClaimsSet.Builder claims = context.getClaims();
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      // a singleton list: the stored authorization's claims are read back through Spring
      // Security's allow-listed Jackson types, which exclude List.of's
      requestedAudience(authorization)
          .ifPresent(aud -> claims.audience(Collections.singletonList(aud)));
      capLifetime(claims);
      // RFC 9068 §2.2.3: scope is one space-separated string (Spring puts a JSON array), as
      // the FHIR server reads it
      claims.claim("scope", String.join(" ", context.getAuthorizedScopes()));
      // RFC 9068 §2.2: the client the token was issued to (Spring adds none); the FHIR server
      // records it in its audit trail
      claims.claim("client_id", context.getRegisteredClient().getClientId());
      users.fhirUser(authorization.getPrincipalName()).ifPresent(f -> claims.claim(FHIR_USER, f));
      LaunchContext launch = LaunchContext.of(authorization);
      if (launch.patient() != null) {
        claims.claim("patient", launch.patient());
      }
      if (launch.encounter() != null) {
        claims.claim("encounter", launch.encounter());
      }
    } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
        && context.getAuthorizedScopes().contains(FHIR_USER)) {
      users.fhirUser(authorization.getPrincipalName()).ifPresent(f -> claims.claim(FHIR_USER, f));
    }
  }

  private static java.util.Optional<String> requestedAudience(OAuth2Authorization authorization) {
    OAuth2AuthorizationRequest request =
        authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    return java.util.Optional.ofNullable(request)
        .map(r -> r.getAdditionalParameters().get(AUD))
        .map(Object::toString);
  }

  private static void capLifetime(JwtClaimsSet.Builder claims) {
    claims.claims(
        c -> {
          Instant issuedAt = (Instant) c.get("iat");
          Instant expiresAt = (Instant) c.get("exp");
          if (issuedAt != null
              && expiresAt != null
              && expiresAt.isAfter(issuedAt.plus(MAX_ACCESS_TOKEN_LIFETIME))) {
            c.put("exp", issuedAt.plus(MAX_ACCESS_TOKEN_LIFETIME));
          }
        });
  }
}
