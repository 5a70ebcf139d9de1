package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The resources of a read's or search's answer that HAPI's AuthorizationInterceptor checks one by
 * one (its {@code checkOutgoingResourceAndFailIfDeny}): a read's resource; every resource nested
 * in a search's or history's Bundle but OperationOutcomes, which HAPI finds by walking every
 * element of the Bundle. Here only the simple shape is recognised, a Bundle whose entries hold
 * plain resources (no contained resources, no nested Bundle or Parameters, no entry outcome),
 * found from the entries alone; any other answer is left to HAPI's walk. No permission letter is
 * checked here: a read rule exists only for a scope granting r or s on its type.
 */
final class OutgoingResources {

  /** Where each resource going out is checked as read by the read rules. */
  static final Set<RestOperationTypeEnum> READS_AND_SEARCHES = EnumSet.of(
      RestOperationTypeEnum.READ,
      RestOperationTypeEnum.VREAD,
      RestOperationTypeEnum.SEARCH_TYPE,
      RestOperationTypeEnum.SEARCH_SYSTEM,
      RestOperationTypeEnum.GET_PAGE,
      RestOperationTypeEnum.HISTORY_INSTANCE,
      RestOperationTypeEnum.HISTORY_TYPE,
      RestOperationTypeEnum.HISTORY_SYSTEM);

  private OutgoingResources() {}

  /**
   * True only when one of the token's read rules allows every resource HAPI would check in
   * {@code response} ({@link ReadRuleShortcut}); false when one is not shown to be allowed, or
   * when the answer's shape is not the simple one.
   */
  static boolean allAllowedByReadRules(RestOperationTypeEnum operation, IBaseResource response,
      FhirContext fhirContext, TokenPermissions token, ReadRuleShortcut shortcut) {
    if (operation == null || !READS_AND_SEARCHES.contains(operation)) {
      return false;
    }
    if (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD) {
      return allowed(response, fhirContext, token, shortcut);
    }
    if (!(response instanceof Bundle bundle)
        || (bundle.getType() != Bundle.BundleType.SEARCHSET && bundle.getType() != Bundle.BundleType.HISTORY)) {
      return false;
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.hasResponse() && entry.getResponse().getOutcome() != null) {
        return false;
      }
      Resource resource = entry.getResource();
      if (resource == null || resource instanceof OperationOutcome) {
        continue; // HAPI checks no OperationOutcome in a Bundle
      }
      if (resource instanceof Bundle || resource instanceof Parameters
          || (resource instanceof DomainResource domain && domain.hasContained())
          || !allowed(resource, fhirContext, token, shortcut)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowed(IBaseResource resource, FhirContext fhirContext, TokenPermissions token,
      ReadRuleShortcut shortcut) {
    return shortcut.allows(token, fhirContext.getResourceType(resource), resource);
  }
}
