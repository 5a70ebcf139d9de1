package org.careconnect.smart.fhir.practitionerrole;

import static org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem.EMAIL;
import static org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem.PHONE;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of PractitionerRole (FHIR STU3 practitionerrole.html#search). */
@Component
public class PractitionerRoleSearchParameters extends ResourceSearchParameters<PractitionerRole> {

  public PractitionerRoleSearchParameters() {
    super(PractitionerRole.class);
    token("identifier", PractitionerRole::getIdentifier);
    token("active", r -> values(r.getActiveElement()));
    token("role", PractitionerRole::getCode);
    token("specialty", PractitionerRole::getSpecialty);
    token("telecom", PractitionerRole::getTelecom);
    token("email", r -> telecoms(r.getTelecom(), EMAIL));
    token("phone", r -> telecoms(r.getTelecom(), PHONE));
    date("date", r -> values(r.getPeriod()));
    reference("practitioner", r -> values(r.getPractitioner()), "Practitioner");
    reference("organization", r -> values(r.getOrganization()), "Organization");
    reference("location", PractitionerRole::getLocation, "Location");
  }
}
