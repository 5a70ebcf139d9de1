package org.careconnect.smart.fhir.allergyintolerance;

import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of AllergyIntolerance (FHIR STU3 allergyintolerance.html#search). */
@Component
public class AllergyIntoleranceSearchParameters extends ResourceSearchParameters<AllergyIntolerance> {

  public AllergyIntoleranceSearchParameters() {
    super(AllergyIntolerance.class);
    token("identifier", AllergyIntolerance::getIdentifier);
    token("clinical-status", a -> values(a.getClinicalStatusElement()));
    token("verification-status", a -> values(a.getVerificationStatusElement()));
    token("type", a -> values(a.getTypeElement()));
    token("category", AllergyIntolerance::getCategory);
    token("criticality", a -> values(a.getCriticalityElement()));
    token("code", AllergyIntoleranceSearchParameters::codeAndSubstances);
    token("manifestation", a -> a.getReaction().stream().flatMap(r -> r.getManifestation().stream()).toList());
    token("severity", a -> a.getReaction().stream().map(r -> r.getSeverityElement()).toList());
    token("route", a -> a.getReaction().stream().map(r -> r.getExposureRoute()).toList());
    date("date", a -> values(a.getAssertedDateElement()));
    date("onset", a -> a.getReaction().stream().map(r -> r.getOnsetElement()).toList());
    date("last-date", a -> values(a.getLastOccurrenceElement()));
    reference("patient", a -> values(a.getPatient()), "Patient");
    reference("asserter", a -> values(a.getAsserter()), "Practitioner", "Patient", "RelatedPerson");
    reference("recorder", a -> values(a.getRecorder()), "Practitioner", "Patient");
    patientLink("patient");
  }

  /** {@code AllergyIntolerance.code | AllergyIntolerance.reaction.substance}. */
  private static List<CodeableConcept> codeAndSubstances(AllergyIntolerance allergy) {
    List<CodeableConcept> codes = new ArrayList<>(values(allergy.getCode()));
    allergy.getReaction().forEach(r -> codes.addAll(values(r.getSubstance())));
    return codes;
  }
}
