package org.careconnect.smart.fhir.organization;

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
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import java.util.Set;
import org.careconnect.smart.fhir.server.CareConnectResourceProvider;
import org.hl7.fhir.dstu3.model.Organization;
import org.springframework.stereotype.Component;

/** Care Connect Organization (CareConnect-Organization-1): the interactions of every type, and search. */
@Component
class OrganizationProvider extends CareConnectResourceProvider<Organization> {

  OrganizationProvider(ProviderContext context) {
    super(Organization.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "active") TokenAndListParam active,
      @OptionalParam(name = "type") TokenAndListParam type,
      @OptionalParam(name = "name") StringAndListParam name,
      @OptionalParam(name = "address") StringAndListParam address,
      @OptionalParam(name = "address-city") StringAndListParam addressCity,
      @OptionalParam(name = "address-postalcode") StringAndListParam addressPostalcode,
      @OptionalParam(name = "partof") ReferenceAndListParam partof,
      @IncludeParam(allow = {"Organization:partof"})
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
