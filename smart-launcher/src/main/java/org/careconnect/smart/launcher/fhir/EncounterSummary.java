package org.careconnect.smart.launcher.fhir;

/** An Encounter as the launcher offers it: what kind, when, its status. */
public record EncounterSummary(String id, String description, String start, String status) {}
