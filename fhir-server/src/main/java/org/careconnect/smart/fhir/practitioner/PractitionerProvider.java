package org.careconnect.smart.fhir.practitioner;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateAndListParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import java.util.Set;
import org.careconnect.smart.fhir.server.CareConnectResourceProvider;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.springframework.stereotype.Component;

/** Care Connect Practitioner (CareConnect-Practitioner-1): the interactions of every type, and search. */
@Component
class PractitionerProvider extends CareConnectResourceProvider<Practitioner> {

  PractitionerProvider(ProviderContext context) {
    super(Practitioner.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "active") TokenAndListParam active,
      @OptionalParam(name = "gender") TokenAndListParam gender,
      @OptionalParam(name = "telecom") TokenAndListParam telecom,
      @OptionalParam(name = "email") TokenAndListParam email,
      @OptionalParam(name = "phone") TokenAndListParam phone,
      @OptionalParam(name = "name") StringAndListParam name,
      @OptionalParam(name = "family") StringAndListParam family,
      @OptionalParam(name = "given") StringAndListParam given,
      @OptionalParam(name = "address") StringAndListParam address,
      @OptionalParam(name = "address-city") StringAndListParam addressCity,
      @OptionalParam(name = "address-postalcode") StringAndListParam addressPostalcode,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
