package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryResponseComponent;
import org.hl7.fhir.dstu3.model.Bundle.HTTPVerb;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.dstu3.model.Resource;
import org.springframework.http.HttpStatus;

/**
 * The response entries of a batch or transaction (FHIR STU3 §3.1.0.11: each carries
 * {@code response.status}, and {@code location}, {@code etag} and {@code lastModified} where the
 * interaction has them), and the OperationOutcome of an entry that failed.
 */
final class EntryOutcomes {

  private EntryOutcomes() {}

  /**
   * The response entry of an entry that worked. The resource a write stored comes back as
   * {@code Prefer: return=} asks (FHIR STU3 http.html, create and update): the resource, nothing, or an
   * OperationOutcome; a read or search always returns what it found, as that is what was asked.
   */
  static BundleEntryComponent success(
      EntryRequest entry, EntryResult result, PreferReturnEnum prefer, String serverBase) {
    BundleEntryComponent out = new BundleEntryComponent();
    BundleEntryResponseComponent response = out.getResponse().setStatus(statusLine(result.status()));
    Resource resource = result.resource();
    boolean isWrite = entry.method() != HTTPVerb.GET;
    if (result.target() != null && result.target().hasVersionIdPart()) {
      if (isWrite && entry.method() != HTTPVerb.DELETE) {
        response.setLocation(result.target().toUnqualified().getValue());
      }
      response.setEtag(EntityTags.of(result.target().getVersionIdPart()));
    }
    if (resource != null && resource.getMeta().hasLastUpdated()) {
      response.setLastModified(resource.getMeta().getLastUpdated());
    }
    if (resource == null) {
      return out;
    }
    if (!isWrite || prefer == PreferReturnEnum.REPRESENTATION) {
      out.setResource(resource);
      if (resource.getIdElement().hasIdPart() && resource.getIdElement().hasResourceType()) {
        out.setFullUrl(serverBase + "/" + resource.getIdElement().toUnqualifiedVersionless().getValue());
      }
    } else if (prefer == PreferReturnEnum.OPERATION_OUTCOME) {
      response.setOutcome(information(describe(entry, result)));
    }
    return out;
  }

  /** The response entry of a batch entry that failed: its status and why. */
  static BundleEntryComponent failure(int index, String label, BaseServerResponseException error) {
    BundleEntryComponent out = new BundleEntryComponent();
    out.getResponse()
        .setStatus(statusLine(error.getStatusCode()))
        .setOutcome(outcomeOf(error, "Bundle.entry[" + index + "]", label));
    return out;
  }

  /**
   * The OperationOutcome of a failed entry: the one the failure carries (e.g. every validation
   * issue) or one made from its message, located at the entry.
   *
   * @param prefix put before each diagnostic, or null
   */
  static OperationOutcome outcomeOf(BaseServerResponseException error, String location, String prefix) {
    OperationOutcome outcome;
    if (error.getOperationOutcome() instanceof OperationOutcome carried && carried.hasIssue()) {
      outcome = carried.copy();
    } else {
      outcome = new OperationOutcome();
      outcome.addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(issueType(error.getStatusCode()))
          .setDiagnostics(error.getMessage());
    }
    for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      if (prefix != null) {
        issue.setDiagnostics(prefix + (issue.hasDiagnostics() ? ": " + issue.getDiagnostics() : ""));
      }
      if (issue.getLocation().stream().noneMatch(l -> l.getValue().startsWith(location))) {
        issue.addLocation(location);
      }
    }
    return outcome;
  }

  static String statusLine(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
  }

  private static IssueType issueType(int status) {
    return switch (status) {
      case 404 -> IssueType.NOTFOUND;
      case 409, 412 -> IssueType.CONFLICT;
      case 413 -> IssueType.TOOLONG;
      default -> IssueType.PROCESSING;
    };
  }

  private static OperationOutcome information(String text) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(text);
    return outcome;
  }

  private static String describe(EntryRequest entry, EntryResult result) {
    String what = switch (result.status()) {
      case 201 -> "Created";
      case 204 -> "Deleted";
      default -> entry.method() == HTTPVerb.POST ? "Found existing (If-None-Exist)" : "Updated";
    };
    return result.target() == null ? what : what + " " + result.target().toUnqualified().getValue();
  }
}
