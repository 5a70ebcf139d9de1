package org.careconnect.smart.fhir.organization;

import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.StringType;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Organization (FHIR STU3 organization.html#search). */
@Component
public class OrganizationSearchParameters extends ResourceSearchParameters<Organization> {

  public OrganizationSearchParameters() {
    super(Organization.class);
    token("identifier", Organization::getIdentifier);
    token("active", o -> values(o.getActiveElement()));
    token("type", Organization::getType);
    string("name", OrganizationSearchParameters::nameAndAliases);
    string("address", Organization::getAddress);
    string("address-city", o -> cities(o.getAddress()));
    string("address-postalcode", o -> postalCodes(o.getAddress()));
    reference("partof", o -> values(o.getPartOf()), "Organization");
  }

  /** {@code Organization.name | Organization.alias}. */
  private static List<StringType> nameAndAliases(Organization organization) {
    List<StringType> names = new ArrayList<>(values(organization.getNameElement()));
    names.addAll(organization.getAlias());
    return names;
  }
}
