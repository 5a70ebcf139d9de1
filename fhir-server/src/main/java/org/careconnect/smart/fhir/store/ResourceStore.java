package org.careconnect.smart.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The seam between the FHIR API and the system that holds the data.
 *
 * <p>One store serves one resource type. The HAPI providers call nothing else to reach data, so a
 * team with its own patient administration system implements this interface for the types it
 * owns (see docs/facade.md) and leaves the rest to the default relational store.
 *
 * <p>Resources cross the seam as Care Connect shaped HAPI model objects. Failures are HAPI's
 * server exceptions, which the API turns into the right HTTP status and OperationOutcome.
 *
 * @param <T> the resource type served
 */
public interface ResourceStore<T extends IBaseResource> {

  /** The HAPI model class of the resource type this store serves. */
  Class<T> resourceType();

  /**
   * The current version.
   *
   * @throws ResourceNotFoundException when no resource has that id
   * @throws ResourceGoneException when it has been deleted
   */
  T read(String id);

  /**
   * One version, current or historic.
   *
   * @throws ResourceNotFoundException when there is no such id or version, or it is a deletion
   */
  T readVersion(String id, long versionId);

  /**
   * Stores a new resource. The resource carries the id the server chose; the store sets
   * {@code meta.versionId} (1) and {@code meta.lastUpdated} and returns what it stored.
   */
  T create(T resource);

  /**
   * Stores a new version, or the first one when the id is new (update as create).
   *
   * @param expectedVersion when not null, the version the client last saw: the write happens only
   *     if it is still current
   * @throws ResourceVersionConflictException when {@code expectedVersion} is not the current one
   */
  WriteResult<T> update(String id, T resource, Long expectedVersion);

  /**
   * Deletes a resource; deleting a deleted resource does nothing.
   *
   * @return the new version number of the deletion, or null when it was already deleted
   * @throws ResourceNotFoundException when no resource has that id
   */
  Long delete(String id);

  /** One page of the current, not deleted resources that match every clause of the query. */
  List<T> search(SearchQuery query, int offset, int count);

  /** How many resources {@link #search} would return in all. */
  int count(SearchQuery query);

  /**
   * One page of versions, newest first, of one resource ({@code query.id() != null}) or of the
   * whole type. A deleted version comes back as a resource with only {@code id} and {@code meta}
   * and is marked with HAPI's {@code ResourceMetadataKeyEnum.DELETED_AT}.
   */
  List<T> history(HistoryQuery query, int offset, int count);

  /** How many versions {@link #history} would return in all. */
  int countHistory(HistoryQuery query);

  /** The outcome of an update: what was stored, and whether it created the resource. */
  record WriteResult<T>(T resource, boolean created) {}
}
