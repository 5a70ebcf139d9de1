package org.careconnect.smart.fhir.medicationrequest;

import java.util.List;
import java.util.stream.Stream;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.Reference;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of MedicationRequest (FHIR STU3 medicationrequest.html#search). */
@Component
public class MedicationRequestSearchParameters extends ResourceSearchParameters<MedicationRequest> {

  public MedicationRequestSearchParameters() {
    super(MedicationRequest.class);
    token("identifier", MedicationRequest::getIdentifier);
    token("status", m -> values(m.getStatusElement()));
    token("intent", m -> values(m.getIntentElement()));
    token("category", m -> values(m.getCategory()));
    token("priority", m -> values(m.getPriorityElement()));
    // No "code": CareConnect-MedicationRequest-1 allows medication[x] only as a reference to a
    // Medication, so a coded medication never reaches the store; search by "medication".
    reference("medication", m -> choice(m.getMedication(), Reference.class), "Medication");
    date("authoredon", m -> values(m.getAuthoredOnElement()));
    date("date", m -> m.getDosageInstruction().stream()
        .flatMap(d -> d.hasTiming() ? d.getTiming().getEvent().stream() : Stream.empty())
        .toList());
    reference("patient", m -> values(m.getSubject()), "Patient");
    reference("subject", m -> values(m.getSubject()), "Group", "Patient");
    reference("context", m -> values(m.getContext()), "EpisodeOfCare", "Encounter");
    reference("requester", m -> m.hasRequester() ? values(m.getRequester().getAgent()) : List.of(),
        "Practitioner", "Organization", "Device", "Patient", "RelatedPerson");
    reference("intended-dispenser",
        m -> m.hasDispenseRequest() ? values(m.getDispenseRequest().getPerformer()) : List.of(),
        "Organization");
    patientLink("patient");
  }
}
