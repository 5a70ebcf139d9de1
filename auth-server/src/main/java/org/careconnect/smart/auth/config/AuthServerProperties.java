package org.careconnect.smart.auth.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careconnect.auth}; each is declared once, with its default, in
 * application.yaml.
 */
@ConfigurationProperties("careconnect.auth")
public record AuthServerProperties(
    String issuer,
    List<String> fhirBaseUrls,
    List<String> allowedOrigins,
    String launcherOrigin,
    Tokens tokens,
    Keys keys,
    Login login) {

  /** SMART 2.2 asks for short-lived access tokens; this server allows at most one hour. */
  static final Duration MAX_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

  public AuthServerProperties {
    if (tokens.accessTokenLifetime().compareTo(MAX_ACCESS_TOKEN_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "careconnect.auth.tokens.access-token-lifetime must be at most PT1H, was "
              + tokens.accessTokenLifetime());
    }
    fhirBaseUrls = List.copyOf(fhirBaseUrls);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public record Tokens(
      Duration accessTokenLifetime, Duration refreshTokenLifetime, Duration authorizationCodeLifetime) {}

  public record Keys(String encryptionKey, Duration rotationInterval, Duration checkInterval) {}

  public record Login(int maxFailures, Duration lockout) {}
}
