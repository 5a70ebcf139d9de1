package org.careconnect.smart.fhir.store;

/**
 * Which versions a history interaction asks for.
 *
 * @param id the logical id, or null for the history of the whole type
 * @param sinceMillis only versions written at or after this instant (epoch ms), or null for all
 */
public record HistoryQuery(String id, Long sinceMillis) {}
