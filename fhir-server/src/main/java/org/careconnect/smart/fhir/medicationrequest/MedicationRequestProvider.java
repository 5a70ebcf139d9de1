package org.careconnect.smart.fhir.medicationrequest;

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
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.springframework.stereotype.Component;

/** Care Connect MedicationRequest (CareConnect-MedicationRequest-1): the interactions of every type, and search. */
@Component
class MedicationRequestProvider extends CareConnectResourceProvider<MedicationRequest> {

  MedicationRequestProvider(ProviderContext context) {
    super(MedicationRequest.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "status") TokenAndListParam status,
      @OptionalParam(name = "intent") TokenAndListParam intent,
      @OptionalParam(name = "category") TokenAndListParam category,
      @OptionalParam(name = "priority") TokenAndListParam priority,
      @OptionalParam(name = "medication") ReferenceAndListParam medication,
      @OptionalParam(name = "authoredon") DateAndListParam authoredon,
      @OptionalParam(name = "date") DateAndListParam date,
      @OptionalParam(name = "patient") ReferenceAndListParam patient,
      @OptionalParam(name = "subject") ReferenceAndListParam subject,
      @OptionalParam(name = "context") ReferenceAndListParam context,
      @OptionalParam(name = "requester") ReferenceAndListParam requester,
      @OptionalParam(name = "intended-dispenser") ReferenceAndListParam intendedDispenser,
      @IncludeParam(
              allow = {
                "MedicationRequest:medication",
                "MedicationRequest:patient",
                "MedicationRequest:subject",
                "MedicationRequest:context",
                "MedicationRequest:requester",
                "MedicationRequest:intended-dispenser"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
