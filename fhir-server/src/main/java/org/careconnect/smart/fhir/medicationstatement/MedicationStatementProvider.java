package org.careconnect.smart.fhir.medicationstatement;

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
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.springframework.stereotype.Component;

/** Care Connect MedicationStatement (CareConnect-MedicationStatement-1): the interactions of every type, and search. */
@Component
class MedicationStatementProvider extends CareConnectResourceProvider<MedicationStatement> {

  MedicationStatementProvider(ProviderContext context) {
    super(MedicationStatement.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "status") TokenAndListParam status,
      @OptionalParam(name = "category") TokenAndListParam category,
      @OptionalParam(name = "medication") ReferenceAndListParam medication,
      @OptionalParam(name = "effective") DateAndListParam effective,
      @OptionalParam(name = "patient") ReferenceAndListParam patient,
      @OptionalParam(name = "subject") ReferenceAndListParam subject,
      @OptionalParam(name = "context") ReferenceAndListParam context,
      @OptionalParam(name = "source") ReferenceAndListParam source,
      @OptionalParam(name = "part-of") ReferenceAndListParam partOf,
      @IncludeParam(
              allow = {
                "MedicationStatement:medication",
                "MedicationStatement:patient",
                "MedicationStatement:subject",
                "MedicationStatement:context",
                "MedicationStatement:source",
                "MedicationStatement:part-of"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
