package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * 415: the body is in a format, or a content coding, the server does not take (RFC 9110
 * §15.5.16). HAPI has no exception for it; as a {@link BaseServerResponseException} it is answered
 * with an OperationOutcome like every other refusal.
 */
class UnsupportedMediaTypeException extends BaseServerResponseException {

  static final int STATUS = 415;

  UnsupportedMediaTypeException(String message) {
    super(STATUS, message);
  }
}
