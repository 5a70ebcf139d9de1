package org.careconnect.smart.auth.launch;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The simulated error {@code expired_token}: the access token issued on the code exchange of such
 * a demo launch is born expired. Its {@code iat} lies {@link
 * DemoLaunchProperties#expiredTokenAge()} in the past and its {@code exp} one second later (the
 * shortest lifetime an OAuth2AccessToken can have), beyond the FHIR server's clock skew, so the
 * app's first FHIR call gets 401 {@code invalid_token}. The token response says {@code
 * expires_in: 0}. Refresh is not simulated: a refresh token, if granted, gives a normal
 * access token, which is what a well-behaved app should fall back on.
 */
@Component
public class DemoTokenExpiry implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final LaunchStore store;
  private final DemoLaunchProperties properties;
  private final Clock clock;

  DemoTokenExpiry(LaunchStore store, DemoLaunchProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    OAuth2Authorization authorization = context.getAuthorization();
    if (!properties.simulatedErrorsEnabled()
        || authorization == null
        || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
        || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
        || DemoLaunches.usedBy(authorization, store)
            .filter(launch -> launch.demo().simulates(SimulatedError.EXPIRED_TOKEN))
            .isEmpty()) {
      return;
    }
    Instant issuedAt = clock.instant().minus(properties.expiredTokenAge());
    context
        .getClaims()
        .claims(
            claims -> {
              claims.put("iat", issuedAt);
              claims.put("exp", issuedAt.plusSeconds(1));
              claims.computeIfPresent("nbf", (name, value) -> issuedAt);
            });
  }
}
