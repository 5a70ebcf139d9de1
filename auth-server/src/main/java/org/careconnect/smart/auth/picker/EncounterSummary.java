package org.careconnect.smart.auth.picker;

/** One Encounter of the picked patient, as offered when {@code launch/encounter} is requested. */
record EncounterSummary(String id, String description, String status, String start) {}
