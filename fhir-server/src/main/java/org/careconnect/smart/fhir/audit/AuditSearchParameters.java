package org.careconnect.smart.fhir.audit;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.HashSet;
import java.util.Set;

/**
 * The STU3 AuditEvent search parameters this server supports, turned into an {@link AuditQuery}:
 * {@code date} (all prefixes), {@code patient}, {@code entity}, {@code agent} (references),
 * {@code user} (the token's subject or the client id), {@code type}, {@code subtype},
 * {@code outcome} (tokens, with or without system).
 */
final class AuditSearchParameters {

  private AuditSearchParameters() {}

  static AuditQuery query(
      DateRangeParam date,
      ReferenceParam patient,
      ReferenceParam entity,
      ReferenceParam agent,
      TokenParam user,
      TokenParam type,
      TokenParam subtype,
      TokenParam outcome,
      int offset,
      int count) {
    Long from = date == null || date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().getTime();
    Long to = date == null || date.getUpperBoundAsInstant() == null ? null : date.getUpperBoundAsInstant().getTime();
    Set<String> interactions = null;
    String operation = null;
    if (type != null) {
      interactions = byType(type);
    }
    if (subtype != null) {
      if (subtype.getValue() != null && subtype.getValue().startsWith("$")) {
        operation = subtype.getValue();
        interactions = intersect(interactions, Set.of("operation"));
      } else {
        boolean known = subtype.getSystem() == null || subtype.getSystem().equals(Interactions.SYSTEM);
        interactions = intersect(interactions, known ? Set.of(String.valueOf(subtype.getValue())) : Set.of());
      }
    }
    return new AuditQuery(
        from,
        to,
        patient == null ? null : reference(patient, "Patient"),
        entity == null ? null : entity.getResourceType(),
        entity == null ? null : reference(entity, null),
        agent == null ? null : agent.getValue(),
        user == null ? null : user.getValue(),
        interactions,
        operation,
        outcome == null ? null : outcome.getValue(),
        offset,
        count);
  }

  /** Type Query (DICOM 110112) is every search and history; type rest is everything else. */
  private static Set<String> byType(TokenParam type) {
    String system = type.getSystem();
    if ("110112".equals(type.getValue()) && (system == null || system.equals(AuditEventMapper.DICOM))) {
      return Interactions.QUERIES;
    }
    if ("rest".equals(type.getValue()) && (system == null || system.equals(AuditEventMapper.AUDIT_EVENT_TYPE))) {
      Set<String> rest = new HashSet<>(Interactions.ALL);
      rest.removeAll(Interactions.QUERIES);
      return rest;
    }
    return Set.of();
  }

  private static Set<String> intersect(Set<String> current, Set<String> more) {
    if (current == null) {
      return more;
    }
    Set<String> both = new HashSet<>(current);
    both.retainAll(more);
    return both;
  }

  private static String reference(ReferenceParam reference, String requiredType) {
    if (requiredType != null && reference.getResourceType() != null && !requiredType.equals(reference.getResourceType())) {
      throw new InvalidRequestException("The parameter 'patient' takes a Patient reference, not " + reference.getValue());
    }
    return reference.getIdPart();
  }
}
