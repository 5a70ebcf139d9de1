package org.careconnect.smart.fhir.observation;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.StringType;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Observation (FHIR STU3 observation.html#search). */
@Component
public class ObservationSearchParameters extends ResourceSearchParameters<Observation> {

  public ObservationSearchParameters() {
    super(Observation.class);
    token("identifier", Observation::getIdentifier);
    token("status", o -> values(o.getStatusElement()));
    token("category", Observation::getCategory);
    token("code", o -> values(o.getCode()));
    token("component-code", o -> o.getComponent().stream().map(c -> c.getCode()).toList());
    token("value-concept", o -> choice(o.getValue(), CodeableConcept.class));
    string("value-string", o -> choice(o.getValue(), StringType.class));
    // effective[x] is a dateTime or a Period in STU3; both are date ranges.
    date("date", o -> choice(o.getEffective(), DateTimeType.class, Period.class));
    date("value-date", o -> choice(o.getValue(), DateTimeType.class, Period.class));
    reference("patient", o -> values(o.getSubject()), "Patient");
    reference("subject", o -> values(o.getSubject()), "Group", "Device", "Patient", "Location");
    reference("encounter", o -> values(o.getContext()), "Encounter");
    reference("context", o -> values(o.getContext()), "EpisodeOfCare", "Encounter");
    reference("performer", Observation::getPerformer,
        "Practitioner", "Organization", "Patient", "RelatedPerson");
    reference("based-on", Observation::getBasedOn, "ReferralRequest", "CarePlan", "MedicationRequest",
        "NutritionOrder", "ProcedureRequest", "DeviceRequest", "ImmunizationRecommendation");
    patientLink("patient");
  }
}
