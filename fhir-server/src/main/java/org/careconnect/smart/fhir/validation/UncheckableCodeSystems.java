package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.dstu3.model.CodeSystem;
import org.hl7.fhir.dstu3.model.ValueSet;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Codes from a code system this server cannot check are accepted with a warning instead of
 * failing. There is no terminology server: SNOMED CT, dm+d and the like are either unknown here
 * or known only as a stub ({@code content = not-present}), so HAPI's in-memory terminology
 * service cannot expand a value set such as CareConnect-ConditionCode-1 ("SNOMED CT descendants
 * of ...") and would reject every coded Condition as "not in the required value set".
 *
 * <p>Only a coding whose system the value set itself includes is let through: a code from a
 * system the value set does not draw on cannot be in it, and is still checked (and rejected) by
 * the in-memory service further down the chain.
 */
class UncheckableCodeSystems extends BaseValidationSupport {

  static final String MESSAGE_PREFIX = "Code not checked: ";

  UncheckableCodeSystems(FhirContext fhirContext) {
    super(fhirContext);
  }

  @Override
  public String getName() {
    return "Care Connect uncheckable code systems";
  }

  @Override
  public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
    return true;
  }

  @Override
  public CodeValidationResult validateCodeInValueSet(
      ValidationSupportContext context,
      ConceptValidationOptions options,
      String system,
      String code,
      String display,
      IBaseResource valueSet) {
    if (system == null || code == null || !includesSystem(valueSet, system) || isCheckable(context, system)) {
      return null;
    }
    String url = valueSet instanceof ValueSet vs ? vs.getUrl() : String.valueOf(valueSet.getIdElement());
    String message =
        MESSAGE_PREFIX + system + "#" + code + " could not be checked against the value set " + url
            + " because the code system " + system + " is not available to this server";
    // The code is accepted (set), with the reason as a warning.
    return new CodeValidationResult()
        .setCode(code)
        .setCodeSystemName(system)
        .setDisplay(display)
        .setSeverity(IssueSeverity.WARNING)
        .setMessage(message)
        .addIssue(new CodeValidationIssue(
            message, IssueSeverity.WARNING, CodeValidationIssueCode.NOT_FOUND, CodeValidationIssueCoding.NOT_FOUND));
  }

  private static boolean includesSystem(IBaseResource valueSet, String system) {
    return valueSet instanceof ValueSet vs
        && vs.getCompose().getInclude().stream().anyMatch(include -> system.equals(include.getSystem()));
  }

  /** Checkable when the whole code system is here (not a stub, an example or a fragment). */
  private static boolean isCheckable(ValidationSupportContext context, String system) {
    IBaseResource codeSystem = context.getRootValidationSupport().fetchCodeSystem(system);
    return codeSystem instanceof CodeSystem cs && cs.getContent() == CodeSystem.CodeSystemContentMode.COMPLETE;
  }
}
