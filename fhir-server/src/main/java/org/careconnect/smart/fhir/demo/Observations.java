package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;
import static org.careconnect.smart.fhir.demo.Codings.ucum;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Observation;

/**
 * CareConnect-Observation-1 resources in the shape of the FHIR STU3 vital signs profile: status,
 * category, LOINC (and SNOMED CT) code, subject, effective time, and a UCUM quantity.
 */
final class Observations {

  private static final Coding VITAL_SIGNS =
      new Coding(Codings.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs");
  private static final Coding LABORATORY =
      new Coding(Codings.OBSERVATION_CATEGORY, "laboratory", "Laboratory");

  private Observations() {}

  /** A vital sign taken by the GP during the consultation. */
  static Observation vitalSign(
      PatientRecord record, Encounter encounter, Measurement measurement, LocalDateTime taken, BigDecimal value) {
    Observation observation = base(record, encounter, measurement, taken);
    observation.addPerformer(reference(record.gp(), record.gpName()));
    observation.setValue(ucum(value, measurement.unit(), measurement.ucum()));
    return record.add(observation);
  }

  /**
   * Blood pressure as the STU3 vital signs profile has it: the panel code, no value of its own,
   * systolic and diastolic as components (obs-7: a component code differs from the panel's).
   */
  static Observation bloodPressure(
      PatientRecord record, Encounter encounter, LocalDateTime taken, int systolic, int diastolic) {
    Observation observation = base(record, encounter, Measurement.BLOOD_PRESSURE, taken);
    observation.addPerformer(reference(record.gp(), record.gpName()));
    observation
        .addComponent()
        .setCode(Measurement.SYSTOLIC.code())
        .setValue(ucum(BigDecimal.valueOf(systolic), Measurement.SYSTOLIC.unit(), Measurement.SYSTOLIC.ucum()));
    observation
        .addComponent()
        .setCode(Measurement.DIASTOLIC.code())
        .setValue(ucum(BigDecimal.valueOf(diastolic), Measurement.DIASTOLIC.unit(), Measurement.DIASTOLIC.ucum()));
    return record.add(observation);
  }

  /** A laboratory result of a sample taken at the consultation, issued when reported. */
  static Observation laboratory(
      PatientRecord record, Encounter encounter, Measurement measurement, LocalDateTime reported, BigDecimal value) {
    LocalDateTime taken =
        encounter.getPeriod().getStartElement().getValue().toInstant().atZone(Codings.LONDON).toLocalDateTime();
    Observation observation = base(record, encounter, measurement, taken);
    observation.setIssuedElement(Codings.instant(reported));
    observation.addPerformer(reference(record.practice().organization(), record.practice().name()));
    observation.setValue(ucum(value, measurement.unit(), measurement.ucum()));
    return record.add(observation);
  }

  private static Observation base(
      PatientRecord record, Encounter encounter, Measurement measurement, LocalDateTime taken) {
    Observation observation = new Observation();
    observation.setId(record.nextId("obs"));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(concept((measurement.vitalSign() ? VITAL_SIGNS : LABORATORY).copy()));
    observation.setCode(measurement.code());
    observation.setSubject(reference(record.patient()));
    observation.setContext(reference(encounter));
    observation.setEffective(Codings.dateTime(taken));
    return observation;
  }
}
