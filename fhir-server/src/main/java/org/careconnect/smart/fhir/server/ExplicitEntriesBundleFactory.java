package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.hapi.rest.server.Dstu3BundleFactory;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * HAPI's STU3 bundle factory without its hunt for resources hanging off references.
 *
 * <p>HAPI walks every element of every resource of a page ({@code FhirTerser
 * .getAllResourceReferences}) looking for references that carry a resource object, which it then
 * adds as {@code include} entries. This server never builds includes that way: {@code _include}
 * and {@code _revinclude} resources are entries of the page already ({@link IncludeResolver}),
 * and resources come from the parser, which attaches a resource to a reference only for a
 * contained one (never a separate entry). The walk found nothing and cost a quarter of an
 * Observation search's CPU and 40 % of its allocations (docs/benchmarks.md). A resource that
 * could carry attached resources (contained ones, or not a DomainResource) still gets HAPI's own
 * treatment, for the whole page.
 *
 * <p>Each entry is what HAPI's factory writes: fullUrl, transaction method and URL (history),
 * response status and ETag (batch and transaction responses), search mode and score.
 */
final class ExplicitEntriesBundleFactory extends Dstu3BundleFactory {

  private final FhirContext context;

  ExplicitEntriesBundleFactory(FhirContext context) {
    super(context);
    this.context = context;
  }

  @Override
  public void addResourcesToBundle(
      List<IBaseResource> resources,
      BundleTypeEnum bundleType,
      String serverBase,
      BundleInclusionRule inclusionRule,
      Set<Include> includes) {
    if (resources.stream().anyMatch(ExplicitEntriesBundleFactory::mayCarryAttachedResources)) {
      super.addResourcesToBundle(resources, bundleType, serverBase, inclusionRule, includes);
      return;
    }
    if (getResourceBundle() == null) {
      initializeWithBundleResource(new Bundle());
    }
    Bundle bundle = (Bundle) getResourceBundle();
    for (IBaseResource resource : resources) {
      addEntry(bundle, (Resource) resource, bundleType, serverBase);
    }
  }

  private void addEntry(Bundle bundle, Resource resource, BundleTypeEnum bundleType, String serverBase) {
    BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    IIdType id = fullUrl(resource, entry, serverBase);
    BundleEntryTransactionMethodEnum method = ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.get(resource);
    if (method != null) {
      entry.getRequest().getMethodElement().setValueAsString(method.name());
      if (id != null) {
        entry.getRequest().setUrl(id.toUnqualified().getValue());
      }
      if (method == BundleEntryTransactionMethodEnum.DELETE) {
        entry.setResource(null);
      }
    }
    if ((bundleType == BundleTypeEnum.BATCH_RESPONSE || bundleType == BundleTypeEnum.TRANSACTION_RESPONSE)
        && id != null && id.getVersionIdPart() != null && !id.getVersionIdPart().isBlank()) {
      entry.getResponse().setStatus("1".equals(id.getVersionIdPart()) ? "201 Created" : "200 OK");
      entry.getResponse().setEtag(RestfulServerUtils.createEtag(id.getVersionIdPart()));
    }
    BundleEntrySearchModeEnum searchMode = ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(resource);
    if (searchMode != null) {
      entry.getSearch().getModeElement().setValueAsString(searchMode.getCode());
    }
    BigDecimal score = ResourceMetadataKeyEnum.ENTRY_SEARCH_SCORE.get(resource);
    if (score != null) {
      entry.getSearch().getScoreElement().setValue(score);
    }
  }

  private IIdType fullUrl(Resource resource, BundleEntryComponent entry, String serverBase) {
    IIdType id = resource.getIdElement();
    if (id.hasBaseUrl()) {
      entry.setFullUrl(id.toVersionless().getValue());
      return id;
    }
    if (serverBase != null && !serverBase.isBlank() && id.hasIdPart()) {
      IIdType absolute = id.withServerBase(serverBase, context.getResourceType(resource));
      entry.setFullUrl(absolute.toVersionless().getValue());
      return absolute;
    }
    return null;
  }

  /** Only a contained resource can hang off a parsed reference; other kinds get HAPI's walk. */
  private static boolean mayCarryAttachedResources(IBaseResource resource) {
    return !(resource instanceof DomainResource domain) || domain.hasContained();
  }
}
