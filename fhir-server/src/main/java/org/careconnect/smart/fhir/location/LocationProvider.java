package org.careconnect.smart.fhir.location;

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
import org.hl7.fhir.dstu3.model.Location;
import org.springframework.stereotype.Component;

/** Care Connect Location (CareConnect-Location-1): the interactions of every type, and search. */
@Component
class LocationProvider extends CareConnectResourceProvider<Location> {

  LocationProvider(ProviderContext context) {
    super(Location.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "status") TokenAndListParam status,
      @OptionalParam(name = "operational-status") TokenAndListParam operationalStatus,
      @OptionalParam(name = "type") TokenAndListParam type,
      @OptionalParam(name = "name") StringAndListParam name,
      @OptionalParam(name = "address") StringAndListParam address,
      @OptionalParam(name = "address-city") StringAndListParam addressCity,
      @OptionalParam(name = "address-postalcode") StringAndListParam addressPostalcode,
      @OptionalParam(name = "organization") ReferenceAndListParam organization,
      @OptionalParam(name = "partof") ReferenceAndListParam partof,
      @IncludeParam(allow = {"Location:organization", "Location:partof"})
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
