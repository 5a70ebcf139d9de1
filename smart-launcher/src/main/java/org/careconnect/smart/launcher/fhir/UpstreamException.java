package org.careconnect.smart.launcher.fhir;

/**
 * The authorisation server or the FHIR server could not be reached or answered with an error
 * the person cannot fix by changing a choice (a 502 page naming the server and its answer).
 */
public class UpstreamException extends RuntimeException {

  public UpstreamException(String message) {
    super(message);
  }
}
