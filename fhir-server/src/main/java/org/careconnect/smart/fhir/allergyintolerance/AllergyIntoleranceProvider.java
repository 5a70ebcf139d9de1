package org.careconnect.smart.fhir.allergyintolerance;

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
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.springframework.stereotype.Component;

/** Care Connect AllergyIntolerance (CareConnect-AllergyIntolerance-1): the interactions of every type, and search. */
@Component
class AllergyIntoleranceProvider extends CareConnectResourceProvider<AllergyIntolerance> {

  AllergyIntoleranceProvider(ProviderContext context) {
    super(AllergyIntolerance.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "clinical-status") TokenAndListParam clinicalStatus,
      @OptionalParam(name = "verification-status") TokenAndListParam verificationStatus,
      @OptionalParam(name = "type") TokenAndListParam type,
      @OptionalParam(name = "category") TokenAndListParam category,
      @OptionalParam(name = "criticality") TokenAndListParam criticality,
      @OptionalParam(name = "code") TokenAndListParam code,
      @OptionalParam(name = "manifestation") TokenAndListParam manifestation,
      @OptionalParam(name = "severity") TokenAndListParam severity,
      @OptionalParam(name = "route") TokenAndListParam route,
      @OptionalParam(name = "date") DateAndListParam date,
      @OptionalParam(name = "onset") DateAndListParam onset,
      @OptionalParam(name = "last-date") DateAndListParam lastDate,
      @OptionalParam(name = "patient") ReferenceAndListParam patient,
      @OptionalParam(name = "asserter") ReferenceAndListParam asserter,
      @OptionalParam(name = "recorder") ReferenceAndListParam recorder,
      @IncludeParam(
              allow = {
                "AllergyIntolerance:patient",
                "AllergyIntolerance:asserter",
                "AllergyIntolerance:recorder"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
