package org.careconnect.smart.fhir.condition;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.StringType;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of Condition (FHIR STU3 condition.html#search). */
@Component
public class ConditionSearchParameters extends ResourceSearchParameters<Condition> {

  public ConditionSearchParameters() {
    super(Condition.class);
    token("identifier", Condition::getIdentifier);
    token("clinical-status", c -> values(c.getClinicalStatusElement()));
    token("verification-status", c -> values(c.getVerificationStatusElement()));
    token("category", Condition::getCategory);
    token("code", c -> values(c.getCode()));
    token("severity", c -> values(c.getSeverity()));
    token("body-site", Condition::getBodySite);
    token("evidence", c -> c.getEvidence().stream().flatMap(e -> e.getCode().stream()).toList());
    // onset[x] and abatement[x] may also be an Age, Range, string or boolean: only dates count here.
    date("onset-date", c -> choice(c.getOnset(), DateTimeType.class, Period.class));
    date("abatement-date", c -> choice(c.getAbatement(), DateTimeType.class, Period.class));
    date("asserted-date", c -> values(c.getAssertedDateElement()));
    string("onset-info", c -> choice(c.getOnset(), StringType.class));
    reference("patient", c -> values(c.getSubject()), "Patient");
    reference("subject", c -> values(c.getSubject()), "Group", "Patient");
    reference("encounter", c -> values(c.getContext()), "Encounter");
    reference("context", c -> values(c.getContext()), "EpisodeOfCare", "Encounter");
    reference("asserter", c -> values(c.getAsserter()), "Practitioner", "Patient", "RelatedPerson");
    patientLink("patient");
  }
}
