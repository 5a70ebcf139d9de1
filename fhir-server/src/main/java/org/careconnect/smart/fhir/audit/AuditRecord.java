package org.careconnect.smart.fhir.audit;

/**
 * One request on the secured face, as the audit trail keeps it (table {@code audit_event}).
 * Fields a refused request never reached (no token, so no client) are null.
 *
 * @param recorded when the answer went out, epoch milliseconds
 * @param interaction a FHIR restful-interaction code ({@code read}, {@code search-type}, ...)
 * @param operation the operation name ({@code $everything}) when the interaction is an operation
 * @param status the HTTP status of the answer
 * @param query the query string of a search, so the trail shows what was looked for
 */
record AuditRecord(
    long recorded,
    String interaction,
    String operation,
    String resourceType,
    String resourceId,
    int status,
    String clientId,
    String subject,
    String fhirUser,
    String patient,
    String tokenId,
    String requestId,
    String clientAddress,
    String method,
    String query) {

  /** DICOM/FHIR audit outcome: 0 success, 4 minor failure (the client's), 8 serious (ours). */
  String outcome() {
    return outcomeOf(status);
  }

  static String outcomeOf(int status) {
    if (status < 400) {
      return "0";
    }
    return status < 500 ? "4" : "8";
  }
}
