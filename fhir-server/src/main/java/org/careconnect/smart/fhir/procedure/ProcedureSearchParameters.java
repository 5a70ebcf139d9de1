package org.careconnect.smart.fhir.procedure;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Procedure;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Procedure (FHIR STU3 procedure.html#search). */
@Component
public class ProcedureSearchParameters extends ResourceSearchParameters<Procedure> {

  public ProcedureSearchParameters() {
    super(Procedure.class);
    token("identifier", Procedure::getIdentifier);
    token("status", p -> values(p.getStatusElement()));
    token("category", p -> values(p.getCategory()));
    token("code", p -> values(p.getCode()));
    // performed[x] is a dateTime or a Period in STU3.
    date("date", p -> choice(p.getPerformed(), DateTimeType.class, Period.class));
    reference("patient", p -> values(p.getSubject()), "Patient");
    reference("subject", p -> values(p.getSubject()), "Group", "Patient");
    reference("encounter", p -> values(p.getContext()), "Encounter");
    reference("context", p -> values(p.getContext()), "EpisodeOfCare", "Encounter");
    reference("performer", p -> p.getPerformer().stream().map(x -> x.getActor()).toList(),
        "Practitioner", "Organization", "Device", "Patient", "RelatedPerson");
    reference("location", p -> values(p.getLocation()), "Location");
    reference("part-of", Procedure::getPartOf, "Observation", "MedicationAdministration", "Procedure");
    reference("based-on", Procedure::getBasedOn, "ReferralRequest", "CarePlan", "ProcedureRequest");
    patientLink("patient");
  }
}
