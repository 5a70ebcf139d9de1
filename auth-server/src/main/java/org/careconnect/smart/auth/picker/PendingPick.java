package org.careconnect.smart.auth.picker;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One standalone launch waiting for the clinician to pick a patient (and an encounter): the
 * authorization request to resume afterwards, and the ids the searches offered. Only an offered id
 * can be picked, so a forged form cannot put an arbitrary patient into the token. Synchronized:
 * two tabs of one session may use it at once.
 */
final class PendingPick implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final String id;
  private final FlowKey flow;
  private final String authorizationRequestUri;
  private final boolean wantsEncounter;
  private final Set<String> offeredPatients = new LinkedHashSet<>();
  private final Set<String> offeredEncounters = new LinkedHashSet<>();
  private String patient;

  PendingPick(String id, FlowKey flow, String authorizationRequestUri, boolean wantsEncounter) {
    this.id = id;
    this.flow = flow;
    this.authorizationRequestUri = authorizationRequestUri;
    this.wantsEncounter = wantsEncounter;
  }

  String id() {
    return id;
  }

  FlowKey flow() {
    return flow;
  }

  String authorizationRequestUri() {
    return authorizationRequestUri;
  }

  boolean wantsEncounter() {
    return wantsEncounter;
  }

  synchronized String patient() {
    return patient;
  }

  synchronized void offerPatients(Iterable<PatientSummary> patients) {
    patients.forEach(p -> offeredPatients.add(p.id()));
  }

  synchronized void offerEncounters(Iterable<EncounterSummary> encounters) {
    encounters.forEach(e -> offeredEncounters.add(e.id()));
  }

  /** False, and nothing changes, unless a search offered this patient. */
  synchronized boolean pickPatient(String patientId) {
    if (!offeredPatients.contains(patientId)) {
      return false;
    }
    patient = patientId;
    offeredEncounters.clear();
    return true;
  }

  synchronized boolean offeredEncounter(String encounterId) {
    return offeredEncounters.contains(encounterId);
  }
}
