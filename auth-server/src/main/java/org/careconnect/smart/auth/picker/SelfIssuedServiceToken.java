package org.careconnect.smart.auth.picker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.careconnect.smart.auth.key.AccessTokenSignature;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * The picker's credential at the FHIR server: an access token the authorisation server issues to
 * itself, since it is the issuer the FHIR server trusts. Signed like every access token, with the
 * access-token key (so the FHIR server verifies it against the published JWKS like any other
 * token), short-lived
 * ({@link #LIFETIME}) and reused until {@link #RENEW_BEFORE} before it expires.
 *
 * <p>Claims: {@code iss} = this server's issuer, {@code aud} = the FHIR base the picker searches,
 * {@code scope} = {@value #SCOPE} (what the picker's searches need and no more), {@code
 * client_id} and {@code sub} = {@value #IDENTITY}; no patient, no user.
 */
final class SelfIssuedServiceToken implements FhirServiceToken {

  static final String SCOPE = "system/Patient.rs system/Encounter.rs";
  static final String IDENTITY = "careconnect-auth-server";
  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

  private final JwtEncoder encoder;
  private final Clock clock;
  private final String issuer;
  private final String audience;

  private String token;
  private Instant expiresAt = Instant.MIN;

  SelfIssuedServiceToken(JwtEncoder encoder, Clock clock, String issuer, String audience) {
    this.encoder = encoder;
    this.clock = clock;
    this.issuer = issuer;
    this.audience = audience;
  }

  @Override
  public synchronized Optional<String> bearerToken() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(expiresAt.minus(RENEW_BEFORE))) {
      Instant expires = now.plus(LIFETIME);
      JwtClaimsSet claims =
          JwtClaimsSet.builder()
              .issuer(issuer)
              .subject(IDENTITY)
              .audience(List.of(audience))
              .issuedAt(now)
              .notBefore(now)
              .expiresAt(expires)
              .id(UUID.randomUUID().toString())
              .claim("client_id", IDENTITY)
              .claim("scope", SCOPE)
              .build();
      token =
          encoder
              .encode(JwtEncoderParameters.from(JwsHeader.with(AccessTokenSignature.ALGORITHM).build(), claims))
              .getTokenValue();
      expiresAt = expires;
    }
    return Optional.of(token);
  }
}
