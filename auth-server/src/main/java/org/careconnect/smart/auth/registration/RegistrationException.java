package org.careconnect.smart.auth.registration;

import org.springframework.http.HttpStatus;

/**
 * A refused registration request, answered as RFC 7591 §3.2.2 JSON: {@code error} and {@code
 * error_description}, 400 for bad metadata, 401 for a missing or wrong token (RFC 6750 §3.1).
 */
final class RegistrationException extends RuntimeException {

  static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
  static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
  static final String INVALID_TOKEN = "invalid_token";

  private final HttpStatus status;
  private final String error;

  private RegistrationException(HttpStatus status, String error, String description) {
    super(description);
    this.status = status;
    this.error = error;
  }

  static RegistrationException invalidRedirectUri(String description) {
    return new RegistrationException(HttpStatus.BAD_REQUEST, INVALID_REDIRECT_URI, description);
  }

  static RegistrationException invalidMetadata(String description) {
    return new RegistrationException(HttpStatus.BAD_REQUEST, INVALID_CLIENT_METADATA, description);
  }

  static RegistrationException invalidToken(String description) {
    return new RegistrationException(HttpStatus.UNAUTHORIZED, INVALID_TOKEN, description);
  }

  HttpStatus status() {
    return status;
  }

  String error() {
    return error;
  }
}
