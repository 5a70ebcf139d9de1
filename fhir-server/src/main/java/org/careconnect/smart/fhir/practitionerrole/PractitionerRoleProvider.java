package org.careconnect.smart.fhir.practitionerrole;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateAndListParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import java.util.Set;
import org.careconnect.smart.fhir.server.CareConnectResourceProvider;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.springframework.stereotype.Component;

/** Care Connect PractitionerRole (CareConnect-PractitionerRole-1): the interactions of every type, and search. */
@Component
class PractitionerRoleProvider extends CareConnectResourceProvider<PractitionerRole> {

  PractitionerRoleProvider(ProviderContext context) {
    super(PractitionerRole.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "active") TokenAndListParam active,
      @OptionalParam(name = "role") TokenAndListParam role,
      @OptionalParam(name = "specialty") TokenAndListParam specialty,
      @OptionalParam(name = "telecom") TokenAndListParam telecom,
      @OptionalParam(name = "email") TokenAndListParam email,
      @OptionalParam(name = "phone") TokenAndListParam phone,
      @OptionalParam(name = "date") DateAndListParam date,
      @OptionalParam(name = "practitioner") ReferenceAndListParam practitioner,
      @OptionalParam(name = "organization") ReferenceAndListParam organization,
      @OptionalParam(name = "location") ReferenceAndListParam location,
      @IncludeParam(
              allow = {
                "PractitionerRole:practitioner",
                "PractitionerRole:organization",
                "PractitionerRole:location"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
