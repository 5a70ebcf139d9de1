package org.careconnect.smart.fhir.patient;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Operation;
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
import org.careconnect.smart.fhir.server.PatientEverythingOperation;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Patient;
import org.springframework.stereotype.Component;

/** Care Connect Patient (CareConnect-Patient-1): the interactions, search and $everything. */
@Component
class PatientProvider extends CareConnectResourceProvider<Patient> {

  private final PatientEverythingOperation everything;

  PatientProvider(ProviderContext context, PatientEverythingOperation everything) {
    super(Patient.class, context);
    this.everything = everything;
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "gender") TokenAndListParam gender,
      @OptionalParam(name = "active") TokenAndListParam active,
      @OptionalParam(name = "telecom") TokenAndListParam telecom,
      @OptionalParam(name = "name") StringAndListParam name,
      @OptionalParam(name = "family") StringAndListParam family,
      @OptionalParam(name = "given") StringAndListParam given,
      @OptionalParam(name = "address") StringAndListParam address,
      @OptionalParam(name = "address-postalcode") StringAndListParam postalCode,
      @OptionalParam(name = "birthdate") DateAndListParam birthDate,
      @OptionalParam(name = "general-practitioner") ReferenceAndListParam generalPractitioner,
      @OptionalParam(name = "organization") ReferenceAndListParam organization,
      @IncludeParam(allow = {"Patient:general-practitioner", "Patient:organization"})
          Set<ca.uhn.fhir.model.api.Include> includes,
      @IncludeParam(reverse = true) Set<ca.uhn.fhir.model.api.Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }

  /** The result is a searchset Bundle (FHIR STU3 patient-operations.html#everything). */
  @Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
  public IBundleProvider everything(@IdParam IdType id) {
    return everything.everything(id);
  }
}
