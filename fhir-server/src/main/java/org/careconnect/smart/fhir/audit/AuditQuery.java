package org.careconnect.smart.fhir.audit;

import java.util.Set;

/**
 * One AuditEvent search, as the table understands it; null means "any".
 *
 * @param interactions the records' interaction is one of these (from {@code type} and {@code subtype})
 * @param operation the operation name ({@code subtype=$everything})
 * @param entityType with {@code entityId}: the resource the request named, or its patient
 */
record AuditQuery(
    Long fromMillis,
    Long toMillis,
    String patient,
    String entityType,
    String entityId,
    String fhirUser,
    String user,
    Set<String> interactions,
    String operation,
    String outcome,
    int offset,
    int count) {}
