package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.dstu3.model.OperationOutcome.OperationOutcomeIssueComponent;

/**
 * Turns validation messages into an OperationOutcome (FHIR STU3 §OperationOutcome): per issue
 * the severity, the rule ({@code details.coding}: the validator's message id, in the system the
 * HL7 Java validator uses for it), the message ({@code diagnostics}, which quotes the profile and
 * version), and the element: {@code expression} as FHIRPath ({@code Patient.identifier[0].value})
 * and {@code location} as the XPath STU3 defines for it ({@code /f:Patient/f:identifier[1]/f:value}).
 */
final class ValidationOutcomes {

  /** The code system of the HL7 validator's message ids, as its own OperationOutcomes use. */
  static final String MESSAGE_ID_SYSTEM = "http://hl7.org/fhir/java-core-messageId";

  /** "Patient.name: minimum required = 1, ..." / "Patient.animal: max allowed = 0, ...". */
  private static final Pattern CARDINALITY = Pattern.compile("^([A-Za-z][\\w.:\\-]*): (?:minimum required|max allowed) = ");
  /** "Slice 'Patient.name:official': a matching slice is required, ...". */
  private static final Pattern SLICE = Pattern.compile("^Slice '([A-Za-z][\\w.:\\-]*)'");
  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)])?");

  private ValidationOutcomes() {}

  /** Errors first (clients often show only the first issue), otherwise in the validator's order. */
  static OperationOutcome toOperationOutcome(ValidationResult result) {
    OperationOutcome outcome = new OperationOutcome();
    result.getMessages().stream()
        .sorted(Comparator.comparing(message -> message.getSeverity().ordinal(), Comparator.reverseOrder()))
        .forEach(message -> outcome.addIssue(issueOf(message)));
    return outcome;
  }

  static OperationOutcomeIssueComponent issueOf(SingleValidationMessage message) {
    OperationOutcomeIssueComponent issue =
        new OperationOutcomeIssueComponent()
            .setSeverity(severityOf(message.getSeverity()))
            .setCode(NhsNumberRule.MESSAGE_ID.equals(message.getMessageId()) ? IssueType.VALUE : IssueType.PROCESSING)
            .setDiagnostics(message.getMessage());
    if (message.getMessageId() != null) {
      issue.getDetails().addCoding().setSystem(MESSAGE_ID_SYSTEM).setCode(message.getMessageId());
    }
    String expression = expressionOf(message.getLocationString(), message.getMessage());
    if (expression != null) {
      issue.addExpression(expression);
      String xpath = xpathOf(expression);
      if (xpath != null) {
        issue.addLocation(xpath);
      }
    }
    return issue;
  }

  /**
   * The element an issue is about, as FHIRPath. The validator reports a missing or surplus
   * element at its parent ("Patient") and names the element in the message ("Patient.name: minimum
   * required = 1"); the element itself ("Patient.name") is what a client needs, so it is derived
   * when the message names a child of the reported location. Slice names are dropped
   * ({@code Patient.name:official} is {@code Patient.name}).
   */
  static String expressionOf(String location, String message) {
    if (location == null || location.isBlank()) {
      return null;
    }
    String named = namedElement(message);
    if (named == null) {
      return location;
    }
    String definitionPath = named.replaceAll(":[^.]+", "");
    int lastDot = definitionPath.lastIndexOf('.');
    if (lastDot < 0) {
      return location;
    }
    String parent = definitionPath.substring(0, lastDot);
    if (!parent.equals(location.replaceAll("\\[\\d+]", ""))) {
      return location;
    }
    return location + definitionPath.substring(lastDot);
  }

  private static String namedElement(String message) {
    if (message == null) {
      return null;
    }
    Matcher cardinality = CARDINALITY.matcher(message);
    if (cardinality.find()) {
      return cardinality.group(1);
    }
    Matcher slice = SLICE.matcher(message);
    return slice.find() ? slice.group(1) : null;
  }

  /** {@code Patient.identifier[0].value} -> {@code /f:Patient/f:identifier[1]/f:value}, or null. */
  static String xpathOf(String expression) {
    StringBuilder xpath = new StringBuilder();
    for (String segment : expression.split("\\.", -1)) {
      Matcher matcher = SEGMENT.matcher(segment);
      if (!matcher.matches()) {
        return null;
      }
      xpath.append("/f:").append(matcher.group(1));
      if (matcher.group(2) != null) {
        xpath.append('[').append(Integer.parseInt(matcher.group(2)) + 1).append(']');
      }
    }
    return xpath.toString();
  }

  private static IssueSeverity severityOf(ResultSeverityEnum severity) {
    return switch (severity) {
      case FATAL -> IssueSeverity.FATAL;
      case ERROR -> IssueSeverity.ERROR;
      case WARNING -> IssueSeverity.WARNING;
      case INFORMATION -> IssueSeverity.INFORMATION;
    };
  }
}
