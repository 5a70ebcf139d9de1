package org.careconnect.smart.auth.registration;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careconnect.registration} (dynamic client registration, RFC 7591/7592);
 * each is declared once, with its default, in application.yaml.
 *
 * @param open whether anyone may register a client (RFC 7591 §3 "open registration"); off by
 *     default, on in the demo profile
 * @param initialAccessToken when registration is not open, the bearer token a caller must present
 *     (RFC 7591 §3, "initial access token"); empty means registration is closed
 * @param restrictedScopes custom scopes a registered client never gets until an admin grants
 *     them (every {@code system/} scope is restricted too)
 */
@ConfigurationProperties("careconnect.registration")
record RegistrationProperties(boolean open, String initialAccessToken, List<String> restrictedScopes) {

  /** Shorter initial access tokens are refused at start-up: they could be guessed. */
  static final int MIN_INITIAL_ACCESS_TOKEN_LENGTH = 32;

  RegistrationProperties {
    initialAccessToken = initialAccessToken == null ? "" : initialAccessToken.trim();
    if (!initialAccessToken.isEmpty() && initialAccessToken.length() < MIN_INITIAL_ACCESS_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          "careconnect.registration.initial-access-token must be at least "
              + MIN_INITIAL_ACCESS_TOKEN_LENGTH + " characters (openssl rand -base64 32)");
    }
    restrictedScopes = restrictedScopes == null ? List.of() : List.copyOf(restrictedScopes);
  }
}
