package org.careconnect.smart.fhir.medicationstatement;

import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.springframework.stereotype.Component;

/** The STU3 search parameters of MedicationStatement (FHIR STU3 medicationstatement.html#search). */
@Component
public class MedicationStatementSearchParameters extends ResourceSearchParameters<MedicationStatement> {

  public MedicationStatementSearchParameters() {
    super(MedicationStatement.class);
    token("identifier", MedicationStatement::getIdentifier);
    token("status", m -> values(m.getStatusElement()));
    token("category", m -> values(m.getCategory()));
    // No "code": CareConnect-MedicationStatement-1 allows medication[x] only as a reference to a
    // Medication, so a coded medication never reaches the store; search by "medication".
    reference("medication", m -> choice(m.getMedication(), Reference.class), "Medication");
    date("effective", m -> choice(m.getEffective(), DateTimeType.class, Period.class));
    reference("patient", m -> values(m.getSubject()), "Patient");
    reference("subject", m -> values(m.getSubject()), "Group", "Patient");
    reference("context", m -> values(m.getContext()), "EpisodeOfCare", "Encounter");
    reference("source", m -> values(m.getInformationSource()),
        "Practitioner", "Organization", "Patient", "RelatedPerson");
    reference("part-of", MedicationStatement::getPartOf, "MedicationDispense", "Observation",
        "MedicationAdministration", "Procedure", "MedicationStatement");
    patientLink("patient");
  }
}
