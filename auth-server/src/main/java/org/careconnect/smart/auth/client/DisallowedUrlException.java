package org.careconnect.smart.auth.client;

/** A URL this server refuses to accept or fetch; the message names the rule it breaks. */
public class DisallowedUrlException extends RuntimeException {

  public DisallowedUrlException(String message) {
    super(message);
  }
}
