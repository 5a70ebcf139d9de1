package org.careconnect.smart.fhir.transaction;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.api.BundleLinks;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.careconnect.smart.fhir.search.SearchQueryParser;
import org.careconnect.smart.fhir.server.FhirServerProperties;
import org.careconnect.smart.fhir.server.PagedResult;
import org.careconnect.smart.fhir.server.ResourceWrites;
import org.careconnect.smart.fhir.server.ResultSets;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Bundle.SearchEntryMode;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Runs one entry the way the REST interaction would run: writes through {@link ResourceWrites}
 * (same validation and profile claim), searches through {@link SearchQueryParser} and the store.
 */
@Component
class EntryExecutor {

  private final ResourceWrites writes;
  private final ResourceStores stores;
  private final SearchQueryParser queryParser;
  private final ResultSets resultSets;
  private final FhirServerProperties properties;

  EntryExecutor(
      ResourceWrites writes,
      ResourceStores stores,
      SearchQueryParser queryParser,
      ResultSets resultSets,
      FhirServerProperties properties) {
    this.writes = writes;
    this.stores = stores;
    this.queryParser = queryParser;
    this.resultSets = resultSets;
    this.properties = properties;
  }

  /**
   * @param newId the id a create gets, chosen by a transaction beforehand; null to let the
   *     server choose (batch)
   */
  EntryResult execute(EntryRequest entry, String newId, RequestDetails request) {
    return switch (entry.method()) {
      case POST -> create(entry, newId, request);
      case PUT -> update(entry, request);
      case DELETE -> delete(entry, request);
      case GET -> entry.id() == null ? search(entry, request) : read(entry);
      default -> throw new InvalidRequestException(entry.label() + " is not supported");
    };
  }

  private EntryResult create(EntryRequest entry, String newId, RequestDetails request) {
    MethodOutcome outcome = newId == null
        ? writes.create(request, entry.resource(), entry.ifNoneExist())
        : writes.create(request, entry.resource(), entry.ifNoneExist(), newId);
    return written(outcome);
  }

  private EntryResult update(EntryRequest entry, RequestDetails request) {
    String expectedVersion = entry.ifMatch() == null ? null : EntityTags.version(entry.ifMatch());
    MethodOutcome outcome = entry.conditional()
        ? writes.update(
            request,
            new IdType(entry.resourceType(), null, expectedVersion),
            entry.resource(),
            entry.resourceType() + "?" + entry.query())
        : writes.update(
            request, new IdType(entry.resourceType(), entry.id(), expectedVersion), entry.resource(), null);
    return written(outcome);
  }

  private EntryResult delete(EntryRequest entry, RequestDetails request) {
    MethodOutcome outcome = entry.conditional()
        ? writes.delete(request, entry.resourceType(), null, entry.resourceType() + "?" + entry.query())
        : writes.delete(request, entry.resourceType(), new IdType(entry.resourceType(), entry.id()), null);
    IdType target = outcome.getId() == null ? null : (IdType) outcome.getId();
    return new EntryResult(204, target, null);
  }

  private static EntryResult written(MethodOutcome outcome) {
    Resource stored = (Resource) outcome.getResource();
    int status = Boolean.TRUE.equals(outcome.getCreated()) ? 201 : 200;
    return new EntryResult(status, stored.getIdElement(), stored);
  }

  private EntryResult read(EntryRequest entry) {
    ResourceStore<?> store = stores.forTypeName(entry.resourceType());
    IBaseResource found;
    if (entry.versionId() == null) {
      found = store.read(entry.id());
    } else {
      long version;
      try {
        version = Long.parseLong(entry.versionId());
      } catch (NumberFormatException e) {
        throw new ResourceNotFoundException("Version '" + entry.versionId() + "' is not known");
      }
      found = store.readVersion(entry.id(), version);
    }
    Resource resource = (Resource) found;
    return new EntryResult(200, resource.getIdElement(), resource);
  }

  /**
   * The first page of the search, as a searchset Bundle with its total; when there are more
   * matches, a {@code next} link pages on like any search (FHIR STU3 §3.1.1).
   */
  private EntryResult search(EntryRequest entry, RequestDetails request) {
    String query = entry.query() == null ? "" : entry.query();
    IBundleProvider results =
        resultSets.open(new PagedResult.Search(queryParser.parse(entry.resourceType(), query)));
    int pageSize = pageSize(UrlUtil.parseQueryString(query));
    int total = results.size();
    String base = request.getFhirServerBase();
    Bundle searchset = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(total);
    searchset.setId(UUID.randomUUID().toString());
    searchset.getMeta().setLastUpdated(new Date());
    searchset.addLink().setRelation("self")
        .setUrl(base + "/" + entry.resourceType() + (query.isEmpty() ? "" : "?" + query));
    for (IBaseResource found : results.getResources(0, Math.min(pageSize, total))) {
      Resource resource = (Resource) found;
      Bundle.BundleEntryComponent match = searchset.addEntry()
          .setFullUrl(base + "/" + resource.getIdElement().toUnqualifiedVersionless().getValue())
          .setResource(resource);
      BundleEntrySearchModeEnum mode = ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(resource);
      match.getSearch().setMode(
          mode == BundleEntrySearchModeEnum.INCLUDE ? SearchEntryMode.INCLUDE : SearchEntryMode.MATCH);
    }
    if (total > pageSize && pageSize > 0) {
      nextLink(results, request, pageSize)
          .ifPresent(next -> searchset.addLink().setRelation("next").setUrl(next));
    }
    return new EntryResult(200, null, searchset);
  }

  private static Optional<String> nextLink(
      IBundleProvider results, RequestDetails request, int pageSize) {
    IPagingProvider paging = request.getServer().getPagingProvider();
    String pageId = paging == null ? null : paging.storeResultList(request, results);
    if (pageId == null) {
      return Optional.empty();
    }
    BundleLinks links =
        new BundleLinks(request.getFhirServerBase(), null, false, BundleTypeEnum.SEARCHSET);
    return Optional.of(
        RestfulServerUtils.createPagingLink(links, request, pageId, pageSize, pageSize, Map.of()));
  }

  /** {@code _count}, within the server's maximum page size; the default page size without one. */
  private int pageSize(Map<String, String[]> parameters) {
    String[] count = parameters.get("_count");
    if (count == null || count.length == 0) {
      return properties.defaultPageSize();
    }
    try {
      int asked = Integer.parseInt(count[0]);
      if (asked < 0) {
        throw new NumberFormatException();
      }
      return Math.min(asked, properties.maxPageSize());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("_count must be a whole number, not '" + count[0] + "'");
    }
  }
}
