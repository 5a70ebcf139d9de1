package org.careconnect.smart.fhir.practitioner;

import static org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem.EMAIL;
import static org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem.PHONE;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Practitioner (FHIR STU3 practitioner.html#search). */
@Component
public class PractitionerSearchParameters extends ResourceSearchParameters<Practitioner> {

  public PractitionerSearchParameters() {
    super(Practitioner.class);
    token("identifier", Practitioner::getIdentifier);
    token("active", p -> values(p.getActiveElement()));
    token("gender", p -> values(p.getGenderElement()));
    token("telecom", Practitioner::getTelecom);
    token("email", p -> telecoms(p.getTelecom(), EMAIL));
    token("phone", p -> telecoms(p.getTelecom(), PHONE));
    string("name", Practitioner::getName);
    string("family", p -> families(p.getName()));
    string("given", p -> givens(p.getName()));
    string("address", Practitioner::getAddress);
    string("address-city", p -> cities(p.getAddress()));
    string("address-postalcode", p -> postalCodes(p.getAddress()));
  }
}
