package org.careconnect.smart.fhir.validation;

import java.util.List;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.OperationOutcomeIssueComponent;

/** OperationOutcome issues as "expression | location | diagnostics" lines, to assert exactly. */
final class Issues {

  private Issues() {}

  static List<String> errors(OperationOutcome outcome) {
    return of(outcome, IssueSeverity.ERROR);
  }

  static List<String> of(OperationOutcome outcome, IssueSeverity severity) {
    return outcome.getIssue().stream()
        .filter(issue -> issue.getSeverity() == severity)
        .map(Issues::line)
        .toList();
  }

  static String line(OperationOutcomeIssueComponent issue) {
    return first(issue.getExpression()) + " | " + first(issue.getLocation()) + " | " + issue.getDiagnostics();
  }

  private static String first(List<? extends org.hl7.fhir.dstu3.model.PrimitiveType<?>> values) {
    return values.isEmpty() ? "-" : values.get(0).getValueAsString();
  }
}
