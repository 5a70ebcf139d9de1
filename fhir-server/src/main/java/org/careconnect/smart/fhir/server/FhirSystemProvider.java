package org.careconnect.smart.fhir.server;

/**
 * Marks a HAPI plain provider of system-level interactions (transaction, batch, system
 * operations), so the server registers every one it finds.
 */
public interface FhirSystemProvider {}
