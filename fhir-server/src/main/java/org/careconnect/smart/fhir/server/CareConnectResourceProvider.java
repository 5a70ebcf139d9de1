package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.ValidationModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careconnect.smart.fhir.search.SearchQueryParser;
import org.careconnect.smart.fhir.store.HistoryQuery;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.validation.ValidateOperation;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.InstantType;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The interactions every Care Connect resource type has: read, vread, create, update, delete and
 * history (FHIR STU3 §3.1.0). Each resource package subclasses this with its {@code @Search}
 * method, whose annotated parameters declare (for HAPI and the CapabilityStatement) the names
 * that {@link SearchQueryParser} then reads from the request.
 */
public abstract class CareConnectResourceProvider<T extends Resource> implements IResourceProvider {

  private final Class<T> type;
  private final ResourceStore<T> store;
  private final ResourceWrites writes;
  private final SearchQueryParser queryParser;
  private final ResultSets resultSets;
  private final ValidateOperation validateOperation;

  protected CareConnectResourceProvider(Class<T> type, ProviderContext context) {
    this.type = type;
    this.store = context.stores().forType(type);
    this.writes = context.writes();
    this.queryParser = context.queryParser();
    this.resultSets = context.resultSets();
    this.validateOperation = context.validateOperation();
  }

  @Override
  public Class<T> getResourceType() {
    return type;
  }

  @Read(version = true)
  public T read(@IdParam IdType id) {
    ResourceIds.requireValid(id);
    if (!id.hasVersionIdPart()) {
      return store.read(id.getIdPart());
    }
    long version;
    try {
      version = Long.parseLong(id.getVersionIdPart());
    } catch (NumberFormatException e) {
      // also digits beyond a long: no such version, not a server error
      throw new ResourceNotFoundException("Version '" + id.getVersionIdPart() + "' is not known");
    }
    return store.readVersion(id.getIdPart(), version);
  }

  @Create
  public MethodOutcome create(
      @ResourceParam T resource, @ConditionalUrlParam String ifNoneExist, RequestDetails request) {
    return writes.create(request, resource, ifNoneExist);
  }

  @Update
  public MethodOutcome update(
      @IdParam IdType id,
      @ResourceParam T resource,
      @ConditionalUrlParam String conditionalUrl,
      RequestDetails request) {
    return writes.update(request, id, resource, conditionalUrl);
  }

  @Delete
  public MethodOutcome delete(
      @IdParam IdType id, @ConditionalUrlParam String conditionalUrl, RequestDetails request) {
    return writes.delete(request, type.getSimpleName(), id, conditionalUrl);
  }

  /**
   * {@code $validate} at type and instance level (FHIR STU3 §operation-resource-validate): 200
   * with an OperationOutcome whether or not the resource is valid.
   */
  @Validate
  public MethodOutcome validate(
      @IdParam(optional = true) IdType id,
      // IBaseResource, not T: HAPI binds $validate's resource as an operation parameter, which
      // must not be an abstract model class (T erases to Resource).
      @ResourceParam IBaseResource resource,
      @Validate.Mode ValidationModeEnum mode,
      @Validate.Profile String profile) {
    return validateOperation.validate(type.getSimpleName(), id, resource, mode, profile);
  }

  @History
  public IBundleProvider instanceHistory(@IdParam IdType id, @Since InstantType since) {
    ResourceIds.requireValid(id);
    IBundleProvider history =
        resultSets.open(new PagedResult.History(type.getSimpleName(), historyQuery(id.getIdPart(), since)));
    // Without _since the page's own total tells whether the resource exists (one count, not two);
    // with it, an empty window is not the same as an unknown resource.
    int versions = since == null ? history.size() : store.countHistory(new HistoryQuery(id.getIdPart(), null));
    if (versions == 0) {
      throw new ResourceNotFoundException("Resource " + type.getSimpleName() + "/" + id.getIdPart() + " is not known");
    }
    return history;
  }

  @History
  public IBundleProvider typeHistory(@Since InstantType since) {
    return resultSets.open(new PagedResult.History(type.getSimpleName(), historyQuery(null, since)));
  }

  /** Runs the search the request describes; subclasses call this from their {@code @Search}. */
  protected IBundleProvider search(RequestDetails request) {
    return resultSets.open(
        new PagedResult.Search(queryParser.parse(type.getSimpleName(), request.getParameters())));
  }

  private static HistoryQuery historyQuery(String id, InstantType since) {
    return new HistoryQuery(id, since == null || since.getValue() == null ? null : since.getValue().getTime());
  }

  /** What every provider is built from, in one parameter so subclasses stay short. */
  public record ProviderContext(
      ResourceStores stores,
      ResourceWrites writes,
      SearchQueryParser queryParser,
      ResultSets resultSets,
      ValidateOperation validateOperation) {}
}
