package org.careconnect.smart.auth.launch;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Errors a demo launch can ask the server to simulate for its app (like the SMART Health IT
 * launcher's {@code request_expired_token}, {@code auth_invalid_scope}), so app developers can see
 * their app handle them. Accepted by {@code POST /api/launch} only where {@link
 * DemoLaunchProperties#simulatedErrorsEnabled()} (the demo profile).
 */
enum SimulatedError {
  /** The access token issued on the code exchange is already expired (DemoTokenExpiry). */
  EXPIRED_TOKEN("expired_token"),
  /** The authorization request is answered with {@code error=invalid_scope}. */
  INVALID_SCOPE("invalid_scope"),
  /** The authorization request is refused as if it had no {@code code_challenge}. */
  MISSING_PKCE("missing_pkce");

  private final String value;

  SimulatedError(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  static Optional<SimulatedError> of(String value) {
    return Arrays.stream(values()).filter(error -> error.value.equals(value)).findFirst();
  }

  static String allowedValues() {
    return Arrays.stream(values()).map(SimulatedError::value).collect(Collectors.joining(", "));
  }
}
