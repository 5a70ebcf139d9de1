package org.careconnect.smart.fhir.encounter;

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
import org.hl7.fhir.dstu3.model.Encounter;
import org.springframework.stereotype.Component;

/** Care Connect Encounter (CareConnect-Encounter-1): the interactions of every type, and search. */
@Component
class EncounterProvider extends CareConnectResourceProvider<Encounter> {

  EncounterProvider(ProviderContext context) {
    super(Encounter.class, context);
  }

  /** The parameters are read by the shared parser; they are declared here for HAPI. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = "_id") TokenAndListParam id,
      @OptionalParam(name = "_lastUpdated") DateAndListParam lastUpdated,
      @OptionalParam(name = "identifier") TokenAndListParam identifier,
      @OptionalParam(name = "status") TokenAndListParam status,
      @OptionalParam(name = "class") TokenAndListParam encounterClass,
      @OptionalParam(name = "type") TokenAndListParam type,
      @OptionalParam(name = "reason") TokenAndListParam reason,
      @OptionalParam(name = "participant-type") TokenAndListParam participantType,
      @OptionalParam(name = "date") DateAndListParam date,
      @OptionalParam(name = "location-period") DateAndListParam locationPeriod,
      @OptionalParam(name = "patient") ReferenceAndListParam patient,
      @OptionalParam(name = "subject") ReferenceAndListParam subject,
      @OptionalParam(name = "participant") ReferenceAndListParam participant,
      @OptionalParam(name = "practitioner") ReferenceAndListParam practitioner,
      @OptionalParam(name = "location") ReferenceAndListParam location,
      @OptionalParam(name = "service-provider") ReferenceAndListParam serviceProvider,
      @OptionalParam(name = "part-of") ReferenceAndListParam partOf,
      @OptionalParam(name = "diagnosis") ReferenceAndListParam diagnosis,
      @IncludeParam(
              allow = {
                "Encounter:patient",
                "Encounter:subject",
                "Encounter:participant",
                "Encounter:practitioner",
                "Encounter:location",
                "Encounter:service-provider",
                "Encounter:part-of",
                "Encounter:diagnosis"
              })
          Set<Include> includes,
      @IncludeParam(reverse = true) Set<Include> revIncludes,
      @Sort SortSpec sort,
      RequestDetails request) {
    return search(request);
  }
}
