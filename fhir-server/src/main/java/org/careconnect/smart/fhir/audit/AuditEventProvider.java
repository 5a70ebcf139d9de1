package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import org.careconnect.smart.fhir.server.FhirServerProperties;
import org.hl7.fhir.dstu3.model.AuditEvent;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * The audit trail as FHIR STU3 AuditEvent: read and search, newest first, for admins only
 * ({@link AuditAccess}). No write interaction is declared, and {@link AuditEventWriteGuard}
 * refuses every write with 405: the trail is written by the server alone.
 *
 * <p>Pages are offsets into the search ({@code _offset}, {@code _count}): the next link repeats
 * the query, so it is checked again, with the token that follows it.
 */
@Component
class AuditEventProvider implements IResourceProvider {

  private static final Set<String> PARAMETERS = Set.of("date", "patient", "entity", "agent", "user", "type",
      "subtype", "outcome", "_count", "_offset", "_format", "_pretty");

  private final AuditEventTable table;
  private final FhirServerProperties properties;

  AuditEventProvider(AuditEventTable table, FhirServerProperties properties) {
    this.table = table;
    this.properties = properties;
  }

  @Override
  public Class<AuditEvent> getResourceType() {
    return AuditEvent.class;
  }

  @Read
  public AuditEvent read(@IdParam IdType id, RequestDetails request) {
    AuditAccess.require(request);
    if (!id.isIdPartValidLong()) {
      throw new ResourceNotFoundException(id);
    }
    return table.read(id.getIdPartAsLong()).map(AuditEventMapper::toAuditEvent)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
      @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceParam entity,
      @OptionalParam(name = AuditEvent.SP_AGENT) ReferenceParam agent,
      @OptionalParam(name = AuditEvent.SP_USER) TokenParam user,
      @OptionalParam(name = AuditEvent.SP_TYPE) TokenParam type,
      @OptionalParam(name = AuditEvent.SP_SUBTYPE) TokenParam subtype,
      @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenParam outcome,
      @Count Integer count,
      @Offset Integer offset,
      RequestDetails request) {
    AuditAccess.require(request);
    request.getParameters().keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst()
        .ifPresent(name -> {
          throw new InvalidRequestException("Unknown or unsupported AuditEvent search parameter '" + name
              + "'; this server knows " + PARAMETERS.stream().sorted().toList());
        });
    int pageSize = count == null ? properties.defaultPageSize() : Math.max(0, Math.min(count, properties.maxPageSize()));
    int from = offset == null ? 0 : Math.max(0, offset);
    AuditQuery query = AuditSearchParameters.query(date, patient, entity, agent, user, type, subtype, outcome, from, pageSize);
    AuditEventTable.Page page = table.search(query);
    List<IBaseResource> events = page.records().stream().map(r -> (IBaseResource) AuditEventMapper.toAuditEvent(r)).toList();
    boolean more = pageSize > 0 && from + pageSize < page.total(); // _count=0 asks for the total only
    SimpleBundleProvider result = new SimpleBundleProvider(events) {
      // non-blank ids make HAPI write _offset links from the request (ResponsePage, BUNDLE_PROVIDER_OFFSETS)
      @Override
      public String getNextPageId() {
        return more ? "next" : null;
      }

      @Override
      public String getPreviousPageId() {
        return from > 0 ? "previous" : null;
      }
    };
    result.setSize(page.total());
    result.setCurrentPageOffset(from);
    result.setCurrentPageSize(pageSize);
    return result;
  }
}
