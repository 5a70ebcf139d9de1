package org.careconnect.smart.nativeclient;

import java.net.URI;

/**
 * Reads the patient in context ({@code patient} of the token response, SMART 2.2 §launch context)
 * with the access token as a bearer credential (RFC 6750 §2.1).
 */
final class PatientReader {

  private PatientReader() {}

  static PatientSummary read(Http http, String fhirBase, TokenResponse token) throws FlowFailure {
    if (token.patient() == null || token.patient().isBlank()) {
      throw new FlowFailure(
          "The token response names no patient: ask for launch/patient (--scope) and sign in as a"
              + " patient or choose one.");
    }
    if (!token.patient().matches("[A-Za-z0-9\\-.]{1,64}")) {
      // a FHIR id (STU3 §2.1.0.3 id datatype); anything else must not be pasted into a URL
      throw new FlowFailure("The token response's patient is not a FHIR id: " + token.patient());
    }
    URI uri = URI.create(SmartConfiguration.stripSlash(fhirBase) + "/Patient/" + token.patient());
    return PatientSummary.from(http.getJson(uri, token.accessToken(), "Patient read"));
  }
}
