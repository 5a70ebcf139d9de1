package org.careconnect.smart.fhir.location;

import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.StringType;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Location (FHIR STU3 location.html#search). */
@Component
public class LocationSearchParameters extends ResourceSearchParameters<Location> {

  public LocationSearchParameters() {
    super(Location.class);
    token("identifier", Location::getIdentifier);
    token("status", l -> values(l.getStatusElement()));
    token("operational-status", l -> values(l.getOperationalStatus()));
    token("type", l -> values(l.getType()));
    string("name", LocationSearchParameters::nameAndAliases);
    string("address", l -> values(l.getAddress()));
    string("address-city", l -> l.hasAddress() ? cities(List.of(l.getAddress())) : List.of());
    string("address-postalcode", l -> l.hasAddress() ? postalCodes(List.of(l.getAddress())) : List.of());
    reference("organization", l -> values(l.getManagingOrganization()), "Organization");
    reference("partof", l -> values(l.getPartOf()), "Location");
  }

  /** {@code Location.name | Location.alias}. */
  private static List<StringType> nameAndAliases(Location location) {
    List<StringType> names = new ArrayList<>(values(location.getNameElement()));
    names.addAll(location.getAlias());
    return names;
  }
}
