package org.careconnect.smart.fhir.encounter;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.Encounter;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Encounter (FHIR STU3 encounter.html#search). */
@Component
public class EncounterSearchParameters extends ResourceSearchParameters<Encounter> {

  public EncounterSearchParameters() {
    super(Encounter.class);
    token("identifier", Encounter::getIdentifier);
    token("status", e -> values(e.getStatusElement()));
    token("class", e -> values(e.getClass_()));
    token("type", Encounter::getType);
    token("reason", Encounter::getReason);
    token("participant-type", e -> e.getParticipant().stream().flatMap(p -> p.getType().stream()).toList());
    date("date", e -> values(e.getPeriod()));
    date("location-period", e -> e.getLocation().stream().map(l -> l.getPeriod()).toList());
    reference("patient", e -> values(e.getSubject()), "Patient");
    reference("subject", e -> values(e.getSubject()), "Group", "Patient");
    reference("participant", e -> e.getParticipant().stream().map(p -> p.getIndividual()).toList(),
        "Practitioner", "RelatedPerson");
    reference("practitioner", e -> e.getParticipant().stream().map(p -> p.getIndividual()).toList(),
        "Practitioner");
    reference("location", e -> e.getLocation().stream().map(l -> l.getLocation()).toList(), "Location");
    reference("service-provider", e -> values(e.getServiceProvider()), "Organization");
    reference("part-of", e -> values(e.getPartOf()), "Encounter");
    reference("diagnosis", e -> e.getDiagnosis().stream().map(d -> d.getCondition()).toList(),
        "Condition", "Procedure");
    patientLink("patient");
  }
}
