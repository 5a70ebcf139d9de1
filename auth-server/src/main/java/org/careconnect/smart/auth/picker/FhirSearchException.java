package org.careconnect.smart.auth.picker;

/** The FHIR server could not be searched (unreachable, an error status, not a Bundle). */
class FhirSearchException extends Exception {

  FhirSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
