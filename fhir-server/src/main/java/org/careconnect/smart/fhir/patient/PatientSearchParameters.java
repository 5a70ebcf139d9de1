package org.careconnect.smart.fhir.patient;

import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Patient;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Patient that Care Connect and SMART apps use. */
@Component
public class PatientSearchParameters extends ResourceSearchParameters<Patient> {

  public PatientSearchParameters() {
    super(Patient.class);
    token("identifier", Patient::getIdentifier);
    token("gender", p -> values(p.getGenderElement()));
    token("active", p -> values(p.getActiveElement()));
    token("telecom", Patient::getTelecom);
    string("name", Patient::getName);
    string("family", p -> p.getName().stream().map(HumanName::getFamilyElement).toList());
    string("given", p -> p.getName().stream().flatMap(n -> n.getGiven().stream()).toList());
    string("address", Patient::getAddress);
    string("address-postalcode", p -> p.getAddress().stream().map(a -> a.getPostalCodeElement()).toList());
    date("birthdate", p -> values(p.getBirthDateElement()));
    reference("general-practitioner", Patient::getGeneralPractitioner, "Organization", "Practitioner");
    reference("organization", p -> List.of(p.getManagingOrganization()), "Organization");
  }
}
