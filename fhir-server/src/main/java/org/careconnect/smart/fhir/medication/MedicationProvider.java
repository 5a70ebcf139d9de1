package org.careconnect.smart.fhir.medication;

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
import org.hl7.fhir.dstu3.model.Medication;
import org.springframework.stereotype.Component;

/** Care Connect Medication (CareConnect-Medication-1): the interactions of every type, and search. */
@Component
class MedicationProvider extends CareConnectResourceProvider<Medication> {

  MedicationProvider(ProviderContext context) {
    super(Medication.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "code") TokenAndListParam code,
      @OptionalParam(name = "status") TokenAndListParam status,
      @OptionalParam(name = "form") TokenAndListParam form,
      @OptionalParam(name = "over-the-counter") TokenAndListParam overTheCounter,
      @OptionalParam(name = "container") TokenAndListParam container,
      @OptionalParam(name = "ingredient-code") TokenAndListParam ingredientCode,
      @OptionalParam(name = "ingredient") ReferenceAndListParam ingredient,
      @OptionalParam(name = "manufacturer") ReferenceAndListParam manufacturer,
      @IncludeParam(allow = {"Medication:ingredient", "Medication:manufacturer"})
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
