package org.careconnect.smart.fhir.demo;

import java.util.List;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Resource;

/** One GP practice of the demo population: the organisation, its surgery and its GPs. */
record Practice(
    Organization organization,
    Location location,
    UkPlaces.Town town,
    List<Practitioner> gps,
    List<PractitionerRole> roles) {

  String name() {
    return organization.getName();
  }

  /** Everything the practice consists of, parents before the resources that refer to them. */
  List<Resource> resources() {
    List<Resource> all = new java.util.ArrayList<>();
    all.add(organization);
    all.add(location);
    all.addAll(gps);
    all.addAll(roles);
    return all;
  }
}
