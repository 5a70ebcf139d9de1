package org.careconnect.smart.fhir.immunization;

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
import org.hl7.fhir.dstu3.model.Immunization;
import org.springframework.stereotype.Component;

/** Care Connect Immunization (CareConnect-Immunization-1): the interactions of every type, and search. */
@Component
class ImmunizationProvider extends CareConnectResourceProvider<Immunization> {

  ImmunizationProvider(ProviderContext context) {
    super(Immunization.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "status") TokenAndListParam status,
      @OptionalParam(name = "vaccine-code") TokenAndListParam vaccineCode,
      @OptionalParam(name = "notgiven") TokenAndListParam notgiven,
      @OptionalParam(name = "reason") TokenAndListParam reason,
      @OptionalParam(name = "reason-not-given") TokenAndListParam reasonNotGiven,
      @OptionalParam(name = "lot-number") StringAndListParam lotNumber,
      @OptionalParam(name = "date") DateAndListParam date,
      @OptionalParam(name = "reaction-date") DateAndListParam reactionDate,
      @OptionalParam(name = "patient") ReferenceAndListParam patient,
      @OptionalParam(name = "practitioner") ReferenceAndListParam practitioner,
      @OptionalParam(name = "location") ReferenceAndListParam location,
      @OptionalParam(name = "manufacturer") ReferenceAndListParam manufacturer,
      @OptionalParam(name = "reaction") ReferenceAndListParam reaction,
      @IncludeParam(
              allow = {
                "Immunization:patient",
                "Immunization:practitioner",
                "Immunization:location",
                "Immunization:manufacturer",
                "Immunization:reaction"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
