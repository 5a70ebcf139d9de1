package org.careconnect.smart.auth.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claim rules for a client's authentication JWT (RFC 7523 §3; SMART App Launch 2.2
 * §backend services, "Authenticating to the token endpoint"), checked after its signature:
 *
 * <ul>
 *   <li>{@code iss} and {@code sub}: the client_id;
 *   <li>{@code aud}: the token endpoint URL, and nothing else;
 *   <li>{@code exp}: required, not past, at most five minutes ahead;
 *   <li>{@code nbf}, when present: not in the future;
 *   <li>{@code jti}: required, and never seen before for this client (checked last, so an
 *       assertion that fails another rule does not spend its id).
 * </ul>
 */
final class ClientAssertionValidator implements OAuth2TokenValidator<Jwt> {

  static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";
  private static final int MAX_JTI_LENGTH = 255;

  private final String clientId;
  private final Supplier<String> tokenEndpoint;
  private final ClientProperties.Assertion settings;
  private final ReplayedAssertionStore replays;
  private final Clock clock;

  ClientAssertionValidator(
      String clientId,
      Supplier<String> tokenEndpoint,
      ClientProperties.Assertion settings,
      ReplayedAssertionStore replays,
      Clock clock) {
    this.clientId = clientId;
    this.tokenEndpoint = tokenEndpoint;
    this.settings = settings;
    this.replays = replays;
    this.clock = clock;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt assertion) {
    List<OAuth2Error> errors = new ArrayList<>();
    Instant now = clock.instant();
    if (!clientId.equals(assertion.getClaimAsString("iss"))) {
      errors.add(error("iss must be the client_id"));
    }
    if (!clientId.equals(assertion.getSubject())) {
      errors.add(error("sub must be the client_id"));
    }
    List<String> audience = assertion.getAudience();
    if (audience == null || !audience.equals(List.of(tokenEndpoint.get()))) {
      errors.add(error("aud must be the token endpoint URL " + tokenEndpoint.get()));
    }
    Instant expiresAt = assertion.getExpiresAt();
    if (expiresAt == null) {
      errors.add(error("exp is required"));
    } else if (expiresAt.isBefore(now.minus(settings.clockSkew()))) {
      errors.add(error("the assertion has expired"));
    } else if (expiresAt.isAfter(now.plus(settings.maxLifetime()).plus(settings.clockSkew()))) {
      errors.add(error("exp must be at most " + settings.maxLifetime().toMinutes() + " minutes ahead"));
    }
    Instant notBefore = assertion.getNotBefore();
    if (notBefore != null && notBefore.isAfter(now.plus(settings.clockSkew()))) {
      errors.add(error("the assertion is not valid yet (nbf)"));
    }
    String jti = assertion.getId();
    if (jti == null || jti.isBlank()) {
      errors.add(error("jti is required"));
    } else if (jti.length() > MAX_JTI_LENGTH) {
      errors.add(error("jti must be at most " + MAX_JTI_LENGTH + " characters"));
    }
    if (!errors.isEmpty()) {
      return OAuth2TokenValidatorResult.failure(errors);
    }
    // Keep the id for as long as the assertion could be accepted: its exp plus the skew.
    if (!replays.firstUse(clientId, jti, expiresAt.plus(settings.clockSkew()))) {
      return OAuth2TokenValidatorResult.failure(error("jti was already used"));
    }
    return OAuth2TokenValidatorResult.success();
  }

  private static OAuth2Error error(String description) {
    return new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, ERROR_URI);
  }
}
