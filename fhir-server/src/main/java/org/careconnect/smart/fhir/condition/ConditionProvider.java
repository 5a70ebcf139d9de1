package org.careconnect.smart.fhir.condition;

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
import org.hl7.fhir.dstu3.model.Condition;
import org.springframework.stereotype.Component;

/** Care Connect Condition (CareConnect-Condition-1): the interactions of every type, and search. */
@Component
class ConditionProvider extends CareConnectResourceProvider<Condition> {

  ConditionProvider(ProviderContext context) {
    super(Condition.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "clinical-status") TokenAndListParam clinicalStatus,
      @OptionalParam(name = "verification-status") TokenAndListParam verificationStatus,
      @OptionalParam(name = "category") TokenAndListParam category,
      @OptionalParam(name = "code") TokenAndListParam code,
      @OptionalParam(name = "severity") TokenAndListParam severity,
      @OptionalParam(name = "body-site") TokenAndListParam bodySite,
      @OptionalParam(name = "evidence") TokenAndListParam evidence,
      @OptionalParam(name = "onset-date") DateAndListParam onsetDate,
      @OptionalParam(name = "abatement-date") DateAndListParam abatementDate,
      @OptionalParam(name = "asserted-date") DateAndListParam assertedDate,
      @OptionalParam(name = "onset-info") StringAndListParam onsetInfo,
      @OptionalParam(name = "patient") ReferenceAndListParam patient,
      @OptionalParam(name = "subject") ReferenceAndListParam subject,
      @OptionalParam(name = "encounter") ReferenceAndListParam encounter,
      @OptionalParam(name = "context") ReferenceAndListParam context,
      @OptionalParam(name = "asserter") ReferenceAndListParam asserter,
      @IncludeParam(
              allow = {
                "Condition:patient",
                "Condition:subject",
                "Condition:encounter",
                "Condition:context",
                "Condition:asserter"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
