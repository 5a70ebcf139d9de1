package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.dstu3.model.OperationOutcome;

/**
 * The answers to a request without a usable token: 401 with the {@code WWW-Authenticate: Bearer}
 * challenge of RFC 6750 §3 and an OperationOutcome, so FHIR clients and OAuth clients both learn
 * what happened.
 */
final class BearerChallenges {

  static final String REALM = "Bearer realm=\"careconnect-fhir\"";

  private final FhirContext fhirContext;

  BearerChallenges(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  void missingToken(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", REALM);
    write(response, 401, OperationOutcome.IssueType.LOGIN, "A bearer access token is required (RFC 6750)");
  }

  void invalidToken(HttpServletResponse response, String description) throws IOException {
    response.setHeader("WWW-Authenticate",
        REALM + ", error=\"invalid_token\", error_description=\"" + quoted(description) + "\"");
    write(response, 401, OperationOutcome.IssueType.LOGIN, description);
  }

  void keysUnavailable(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", "10");
    write(response, 503, OperationOutcome.IssueType.TRANSIENT,
        "The access token cannot be checked now: the authorisation server's keys are unavailable");
  }

  /** RFC 6750 §3: error_description is a quoted-string of printable ASCII without '"' or '\'. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : ' ');
    }
    return out.toString();
  }

  private void write(HttpServletResponse response, int status, OperationOutcome.IssueType type, String text)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
    byte[] body = fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
