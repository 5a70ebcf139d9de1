package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.util.List;
import java.util.UUID;
import org.careconnect.smart.fhir.search.SearchQueryParser;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.SearchQuery;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.careconnect.smart.fhir.validation.ResourceValidator;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The write interactions (create, update, delete and their conditional forms, FHIR STU3 §3.1.0),
 * shared by the REST providers and the entries of batch and transaction Bundles so that both
 * apply the same rules: ids checked, the resource validated against its Care Connect profile,
 * and {@code meta.profile} claimed. Before each write the STORAGE_PRESTORAGE_* hooks run with what
 * is really touched ({@link StorageHooks}), so the authorisation rules judge it.
 */
@Component
public class ResourceWrites {

  private final ResourceStores stores;
  private final ResourceValidator validator;
  private final SearchQueryParser queryParser;

  ResourceWrites(ResourceStores stores, ResourceValidator validator, SearchQueryParser queryParser) {
    this.stores = stores;
    this.validator = validator;
    this.queryParser = queryParser;
  }

  /** Create; with {@code If-None-Exist}, nothing is created when exactly one resource matches. */
  public <T extends Resource> MethodOutcome create(RequestDetails request, T resource, String ifNoneExist) {
    return create(request, resource, ifNoneExist, newId());
  }

  /**
   * Create under an id the caller chose: a transaction chooses the ids of its new resources before
   * writing any, so that its entries can refer to each other (FHIR STU3 http.html#transaction).
   * Any id in the body is ignored, as for every create (FHIR STU3 http.html#create), but it must be
   * a valid id: malformed content is refused, never silently dropped.
   */
  public <T extends Resource> MethodOutcome create(
      RequestDetails request, T resource, String ifNoneExist, String newId) {
    ResourceStore<T> store = storeOf(resource);
    requireValidBodyId(resource);
    StorageHooks.created(request, resource);
    if (ifNoneExist != null) {
      List<String> existing = matchingIds(resource.fhirType(), ifNoneExist, 2);
      if (existing.size() > 1) {
        throw new PreconditionFailedException(
            "If-None-Exist '" + ifNoneExist + "' matches more than one " + resource.fhirType());
      }
      if (existing.size() == 1) {
        T found = store.read(existing.get(0));
        // what matched is returned: the caller must be allowed to have created it
        StorageHooks.created(request, found);
        return outcome(new MethodOutcome(found.getIdElement(), false).setResource(found),
            "If-None-Exist matched " + found.getIdElement().toUnqualifiedVersionless().getValue() + ": nothing created");
      }
    }
    prepare(resource);
    resource.setId(newId);
    T stored = store.create(resource);
    return outcome(new MethodOutcome(stored.getIdElement(), true).setResource(stored),
        "Created " + stored.getIdElement().toUnqualified().getValue());
  }

  /**
   * Update by id, or by search when {@code conditionalUrl} is set. A version in {@code id} is the
   * client's {@code If-Match}: the update happens only if it is still current (else 412).
   */
  public <T extends Resource> MethodOutcome update(
      RequestDetails request, IdType id, T resource, String conditionalUrl) {
    ResourceStore<T> store = storeOf(resource);
    requireValidBodyId(resource);
    String targetId;
    if (conditionalUrl != null) {
      List<String> existing = matchingIds(resource.fhirType(), conditionalUrl, 2);
      if (existing.size() > 1) {
        throw new PreconditionFailedException(
            "Conditional update '" + conditionalUrl + "' matches more than one " + resource.fhirType());
      }
      String bodyId = resource.getIdElement().getIdPart();
      targetId = existing.isEmpty() ? (bodyId != null ? bodyId : newId()) : existing.get(0);
      if (bodyId != null && !bodyId.equals(targetId)) {
        throw new InvalidRequestException(
            "The resource id '" + bodyId + "' does not match the resource found, " + targetId);
      }
    } else {
      ResourceIds.requireValid(id);
      targetId = id.getIdPart();
      String bodyId = resource.getIdElement().getIdPart();
      if (bodyId == null) {
        throw new InvalidRequestException(
            "An update must carry the resource id in its body (FHIR STU3 §3.1.0.4)");
      }
      if (!bodyId.equals(targetId)) {
        throw new InvalidRequestException(
            "The id in the body '" + bodyId + "' does not match the id in the URL '" + targetId + "'");
      }
    }
    Long expected = id != null && id.hasVersionIdPart() ? versionOf(id) : null;
    resource.setId(new IdType(resource.fhirType(), targetId));
    StorageHooks.updated(request, current(store, targetId), resource);
    prepare(resource);
    ResourceStore.WriteResult<T> result = store.update(targetId, resource, expected);
    return outcome(new MethodOutcome(result.resource().getIdElement(), result.created())
        .setResource(result.resource()),
        (result.created() ? "Created " : "Updated ") + result.resource().getIdElement().toUnqualified().getValue());
  }

  /** Delete by id, or every match of {@code conditionalUrl} (at most one, else 412). */
  public MethodOutcome delete(RequestDetails request, String resourceType, IdType id, String conditionalUrl) {
    ResourceStore<?> store = stores.forTypeName(resourceType);
    String targetId;
    if (conditionalUrl != null) {
      List<String> existing = matchingIds(resourceType, conditionalUrl, 2);
      if (existing.size() > 1) {
        throw new PreconditionFailedException(
            "Conditional delete '" + conditionalUrl + "' matches more than one " + resourceType);
      }
      if (existing.isEmpty()) {
        return outcome(new MethodOutcome(), "Conditional delete '" + conditionalUrl + "' matched nothing");
      }
      targetId = existing.get(0);
    } else {
      ResourceIds.requireValid(id);
      targetId = id.getIdPart();
    }
    {
      org.hl7.fhir.instance.model.api.IBaseResource old = current(store, targetId);
      if (old != null) {
        StorageHooks.deleted(request, old);
      }
    }
    Long version = store.delete(targetId);
    IdType deleted = new IdType(resourceType, targetId, version == null ? null : String.valueOf(version));
    return outcome(new MethodOutcome(deleted),
        version == null ? deleted.toVersionless().getValue() + " was already deleted" : "Deleted " + deleted.getValue());
  }

  /**
   * The ids of at most {@code limit} resources matching the search of a conditional interaction
   * ({@code Patient?identifier=...} or just its query).
   */
  /**
   * Every write answers with an OperationOutcome too, which HAPI sends for
   * {@code Prefer: return=OperationOutcome} and as the body of a delete (FHIR STU3 §3.1.0.4.1).
   */
  private static MethodOutcome outcome(MethodOutcome outcome, String message) {
    OperationOutcome operationOutcome = new OperationOutcome();
    operationOutcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
        .setDiagnostics(message);
    return outcome.setOperationOutcome(operationOutcome);
  }

  public List<String> matchingIds(String resourceType, String conditionalUrl, int limit) {
    String query = conditionalUrl.contains("?")
        ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1)
        : conditionalUrl;
    SearchQuery search = queryParser.parse(resourceType, query).query();
    if (search.clauses().isEmpty()) {
      throw new InvalidRequestException(
          "A conditional request needs at least one search parameter, not '" + conditionalUrl + "'");
    }
    return stores.forTypeName(resourceType).search(search, 0, limit).stream()
        .map(r -> r.getIdElement().getIdPart())
        .toList();
  }

  /**
   * An id in a body must be a valid id (FHIR STU3 datatypes, "id") even where it is ignored: it is
   * malformed content, and a conditional update that matches nothing takes it as the new id.
   */
  private static void requireValidBodyId(Resource resource) {
    if (resource.getIdElement().hasIdPart()) {
      ResourceIds.requireValid(resource.getIdElement());
    }
  }

  /** Validates and claims the Care Connect profile, so what is stored is what was checked. */
  private void prepare(Resource resource) {
    validator.requireValid(resource);
    CareConnectProfiles.claim(resource);
  }

  @SuppressWarnings("unchecked")
  private <T extends Resource> ResourceStore<T> storeOf(T resource) {
    return (ResourceStore<T>) stores.forTypeName(resource.fhirType());
  }

  /** The current version of a resource, or null when there is none (unknown or deleted). */
  private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T current(ResourceStore<T> store, String id) {
    try {
      return store.read(id);
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return null;
    }
  }

  private static Long versionOf(IdType id) {
    try {
      return Long.parseLong(id.getVersionIdPart());
    } catch (NumberFormatException e) {
      throw new PreconditionFailedException("Version '" + id.getVersionIdPart() + "' is not current");
    }
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
