package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.ValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * {@code [base]/[type]/$validate} and {@code [base]/[type]/[id]/$validate} (FHIR STU3
 * §operation-resource-validate). As the operation's definition says, the answer is 200 with an
 * OperationOutcome "whether or not the resource is valid": errors are issues of the outcome, not
 * an HTTP error. A 4xx means the validation itself could not be done: no resource, a
 * {@code profile} this server does not hold (400, "it SHALL return an error"), or a mode used at
 * the wrong level.
 */
@Component
public class ValidateOperation {

  private static final Pattern WRAPPED_PRIMITIVE = Pattern.compile("(?:Uri|String|Canonical)Type\\[(.*)]");

  private final FhirContext fhirContext;
  private final CareConnectValidator validator;
  private final CareConnectDefinitions definitions;

  ValidateOperation(FhirContext fhirContext, CareConnectValidator validator, CareConnectDefinitions definitions) {
    this.fhirContext = fhirContext;
    this.validator = validator;
    this.definitions = definitions;
  }

  /**
   * @param resourceType the type of the endpoint ({@code Patient} for {@code Patient/$validate})
   * @param id the instance of {@code [type]/[id]/$validate}, or null at type level
   * @param resource the resource to check (null only with mode delete)
   * @param mode create, update or delete; null for general validation
   * @param profile a bundled Care Connect profile of this type; null for the type's own profile
   */
  public MethodOutcome validate(
      String resourceType, IdType id, IBaseResource resource, ValidationModeEnum mode, String profile) {
    boolean instanceLevel = id != null && id.hasIdPart();
    if ((mode == ValidationModeEnum.UPDATE || mode == ValidationModeEnum.DELETE) && !instanceLevel) {
      throw new InvalidRequestException(
          "$validate mode '" + mode.getCode() + "' needs an instance: POST [base]/" + resourceType
              + "/[id]/$validate (FHIR STU3 §operation-resource-validate)");
    }
    String requested = unwrapped(profile);
    String profileUrl =
        requested == null || requested.isBlank() ? CareConnectProfiles.of(resourceType) : knownProfile(resourceType, requested);
    if (mode == ValidationModeEnum.DELETE) {
      // Nothing in this server refuses a delete (no referential integrity is enforced).
      return outcome(information("No rule of this server prevents deleting " + resourceType + "/" + id.getIdPart()));
    }
    if (resource == null) {
      throw new InvalidRequestException("$validate needs the resource to validate, as the body or the 'resource' parameter");
    }
    String bodyType = fhirContext.getResourceType(resource);
    if (!resourceType.equals(bodyType)) {
      throw new InvalidRequestException("$validate on " + resourceType + " was given a " + bodyType);
    }

    ValidationResult result = validator.validate(resource, profileUrl);
    OperationOutcome outcome = validator.toOperationOutcome(result);
    if (instanceLevel) {
      idIssue(id, resource, mode).ifPresent(issue -> outcome.getIssue().add(0, issue));
    }
    if (outcome.getIssue().stream().noneMatch(ValidateOperation::isError)) {
      outcome.addIssue(information(
          resourceType + " conforms to " + (profileUrl == null ? "FHIR STU3" : profileUrl) + ": no errors"));
    }
    return new MethodOutcome().setOperationOutcome(outcome);
  }

  /** The rules of an update (FHIR STU3 §3.1.0.4): the body carries the id of the URL. */
  private static Optional<OperationOutcome.OperationOutcomeIssueComponent> idIssue(
      IdType id, IBaseResource resource, ValidationModeEnum mode) {
    String bodyId = resource.getIdElement().getIdPart();
    String problem = null;
    if (bodyId == null && mode == ValidationModeEnum.UPDATE) {
      problem = "An update must carry the resource id in its body (FHIR STU3 §3.1.0.4)";
    } else if (bodyId != null && !bodyId.equals(id.getIdPart())) {
      problem = "The id in the body '" + bodyId + "' does not match the id in the URL '" + id.getIdPart() + "'";
    }
    if (problem == null) {
      return Optional.empty();
    }
    OperationOutcome.OperationOutcomeIssueComponent issue =
        new OperationOutcome.OperationOutcomeIssueComponent()
            .setSeverity(IssueSeverity.ERROR)
            .setCode(IssueType.INVALID)
            .setDiagnostics(problem);
    issue.addExpression(resource.fhirType() + ".id");
    issue.addLocation("/f:" + resource.fhirType() + "/f:id");
    return Optional.of(issue);
  }

  /**
   * HAPI (8.8) hands a {@code profile} given inside a Parameters body to {@code @Validate.Profile}
   * as the {@code toString()} of the STU3 primitive, "UriType[http://...]"; from the query string
   * it arrives as the plain value.
   */
  static String unwrapped(String profile) {
    if (profile == null) {
      return null;
    }
    Matcher wrapped = WRAPPED_PRIMITIVE.matcher(profile);
    return wrapped.matches() ? wrapped.group(1) : profile;
  }

  private String knownProfile(String resourceType, String profile) {
    String[] urlAndVersion = profile.split("\\|", 2);
    StructureDefinition definition =
        definitions.profileOf(resourceType, urlAndVersion[0])
            .filter(found -> urlAndVersion.length == 1 || urlAndVersion[1].equals(found.getVersion()))
            .orElseThrow(() -> new InvalidRequestException(
                "Unknown profile '" + profile + "' for " + resourceType + ": this server validates "
                    + resourceType + " against " + profilesOf(resourceType)));
    return definition.getUrl();
  }

  private String profilesOf(String resourceType) {
    List<String> urls = definitions.profilesOf(resourceType);
    return urls.isEmpty() ? "no bundled profile" : String.join(", ", urls);
  }

  private static boolean isError(OperationOutcome.OperationOutcomeIssueComponent issue) {
    return issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL;
  }

  private static OperationOutcome.OperationOutcomeIssueComponent information(String text) {
    return new OperationOutcome.OperationOutcomeIssueComponent()
        .setSeverity(IssueSeverity.INFORMATION)
        .setCode(IssueType.INFORMATIONAL)
        .setDiagnostics(text);
  }

  private static MethodOutcome outcome(OperationOutcome.OperationOutcomeIssueComponent issue) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue(issue);
    return new MethodOutcome().setOperationOutcome(outcome);
  }
}
