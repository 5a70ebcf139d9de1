package org.careconnect.smart.auth.launch;

/** A launch registration refused with {@code invalid_request}; the message names the rule. */
class InvalidLaunchRequestException extends RuntimeException {

  InvalidLaunchRequestException(String description) {
    super(description);
  }
}
