package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.reference;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.Duration;
import org.hl7.fhir.dstu3.model.MedicationRequest;
import org.hl7.fhir.dstu3.model.MedicationStatement;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * Medication: for each condition treated, a repeat prescription (CareConnect-MedicationRequest-1)
 * and the statement that the patient takes it (CareConnect-MedicationStatement-1); for some
 * patients a finished acute course of an antibiotic.
 */
final class Prescriptions {

  private Prescriptions() {}

  static void generate(PatientRecord record, Map<ChronicCondition, Condition> problems) {
    problems.forEach(
        (kind, condition) -> {
          if (kind.medicine() != null) {
            LocalDate started = Problems.onset(condition).plusDays(record.random().nextInt(30));
            if (!started.isBefore(record.asOf())) {
              started = record.asOf().minusDays(1);
            }
            prescribe(record, kind.medicine(), condition, record.surgeryTime(started), true);
          }
        });
    if (record.random().nextInt(5) == 0) {
      LocalDate day = record.dayBetween(record.asOf().minusYears(3), record.asOf().minusDays(7));
      prescribe(record, Medicine.AMOXICILLIN, null, record.surgeryTime(day), false);
    }
  }

  private static void prescribe(
      PatientRecord record, Medicine medicine, Condition reason, LocalDateTime authored, boolean repeat) {
    MedicationRequest request = new MedicationRequest();
    request.setId(record.nextId("medreq"));
    request.setStatus(repeat ? MedicationRequest.MedicationRequestStatus.ACTIVE : MedicationRequest.MedicationRequestStatus.COMPLETED);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    request.setMedication(new Reference("Medication/" + medicine.id()).setDisplay(medicine.display()));
    request.setSubject(reference(record.patient()));
    request.setAuthoredOnElement(Codings.dateTime(authored));
    request.getRequester()
        .setAgent(reference(record.gp(), record.gpName()))
        .setOnBehalfOf(reference(record.practice().organization(), record.practice().name()));
    request.setRecorder(reference(record.gp(), record.gpName()));
    if (reason != null) {
      request.addReasonReference(reference(reason));
    }
    request.addDosageInstruction().setText(medicine.dosage());
    int days = repeat ? 28 : 5;
    if (repeat) {
      // positiveInt: an acute prescription, issued once, leaves it out
      request.getDispenseRequest().setNumberOfRepeatsAllowed(5);
    }
    request.getDispenseRequest()
        .setExpectedSupplyDuration(
            (Duration) new Duration().setValue(days).setUnit("days").setSystem(Codings.UCUM).setCode("d"));
    record.add(request);

    MedicationStatement statement = new MedicationStatement();
    statement.setId(record.nextId("medstat"));
    statement.addBasedOn(reference(request));
    statement.setStatus(repeat ? MedicationStatement.MedicationStatementStatus.ACTIVE : MedicationStatement.MedicationStatementStatus.COMPLETED);
    statement.setMedication(request.getMedicationReference().copy());
    Period effective = new Period().setStartElement(Codings.dateTime(authored));
    if (!repeat) {
      effective.setEndElement(Codings.dateTime(authored.plusDays(days)));
    }
    statement.setEffective(effective);
    statement.setDateAssertedElement(Codings.dateTime(authored));
    statement.setInformationSource(reference(record.gp(), record.gpName()));
    statement.setSubject(reference(record.patient()));
    statement.setTaken(MedicationStatement.MedicationStatementTaken.Y);
    if (reason != null) {
      statement.addReasonReference(reference(reason));
    }
    statement.addDosage().setText(medicine.dosage());
    record.add(statement);
  }
}
