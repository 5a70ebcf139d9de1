package org.careconnect.smart.fhir.immunization;

import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.Immunization;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Immunization (FHIR STU3 immunization.html#search). */
@Component
public class ImmunizationSearchParameters extends ResourceSearchParameters<Immunization> {

  public ImmunizationSearchParameters() {
    super(Immunization.class);
    token("identifier", Immunization::getIdentifier);
    token("status", i -> values(i.getStatusElement()));
    token("vaccine-code", i -> values(i.getVaccineCode()));
    token("notgiven", i -> values(i.getNotGivenElement()));
    token("reason", i -> i.hasExplanation() ? i.getExplanation().getReason() : List.of());
    token("reason-not-given",
        i -> i.hasExplanation() ? i.getExplanation().getReasonNotGiven() : List.of());
    string("lot-number", i -> values(i.getLotNumberElement()));
    date("date", i -> values(i.getDateElement()));
    date("reaction-date", i -> i.getReaction().stream().map(r -> r.getDateElement()).toList());
    reference("patient", i -> values(i.getPatient()), "Patient");
    reference("practitioner", i -> i.getPractitioner().stream().map(p -> p.getActor()).toList(),
        "Practitioner");
    reference("location", i -> values(i.getLocation()), "Location");
    reference("manufacturer", i -> values(i.getManufacturer()), "Organization");
    reference("reaction", i -> i.getReaction().stream().map(r -> r.getDetail()).toList(), "Observation");
    patientLink("patient");
  }
}
