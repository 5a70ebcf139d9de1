package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;
import static org.careconnect.smart.fhir.demo.Codings.snomed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.Period;

/**
 * GP consultations over the last five years (CareConnect-Encounter-1), each with the vital signs
 * taken, and laboratory results where the patient's conditions and age call for them.
 */
final class Consultations {

  private static final Coding AMBULATORY = new Coding("http://hl7.org/fhir/v3/ActCode", "AMB", "ambulatory");

  private Consultations() {}

  /** Makes the consultations and returns their dates, oldest first. */
  static List<LocalDate> generate(PatientRecord record, Set<ChronicCondition> conditions) {
    SplittableRandom random = record.random();
    LocalDate from = record.asOf().minusYears(5);
    if (from.isBefore(record.birthDate())) {
      from = record.birthDate();
    }
    int count = Math.min(8, 2 + random.nextInt(4) + conditions.size());
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      days.add(record.dayBetween(from, record.asOf()));
    }
    days.sort(null);

    VitalSigns vitals = new VitalSigns(record, conditions);
    for (int i = 0; i < days.size(); i++) {
      LocalDateTime start = record.surgeryTime(days.get(i));
      Encounter encounter = encounter(record, start);
      vitals.record(encounter, start, i == 0);
      laboratory(record, conditions, encounter, start, i, days.size());
    }
    return days;
  }

  private static Encounter encounter(PatientRecord record, LocalDateTime start) {
    Encounter encounter = new Encounter();
    encounter.setId(record.nextId("enc"));
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(AMBULATORY.copy());
    encounter.addType(concept(snomed("11429006", "Consultation")));
    encounter.setSubject(reference(record.patient()));
    encounter.addParticipant().setIndividual(reference(record.gp(), record.gpName()));
    encounter.setPeriod(
        new Period()
            .setStartElement(Codings.dateTime(start))
            .setEndElement(Codings.dateTime(start.plusMinutes(10))));
    encounter.addLocation().setLocation(reference(record.practice().location(), record.practice().name()));
    encounter.setServiceProvider(reference(record.practice().organization(), record.practice().name()));
    return record.add(encounter);
  }

  /**
   * HbA1c at every consultation of a diabetic, else once from 40; cholesterol at every
   * consultation with hyperlipidaemia, else once from 40; eGFR once for those with diabetes,
   * kidney disease or aged 60 and over. The "once" falls on the latest consultation.
   */
  private static void laboratory(
      PatientRecord record,
      Set<ChronicCondition> conditions,
      Encounter encounter,
      LocalDateTime taken,
      int index,
      int count) {
    SplittableRandom random = record.random();
    boolean latest = index == count - 1;
    int age = record.ageOn(taken.toLocalDate());
    LocalDateTime reported = taken.plusDays(1).withHour(9 + random.nextInt(8));
    if (conditions.contains(ChronicCondition.TYPE_2_DIABETES) || (latest && age >= 40)) {
      double hba1c = conditions.contains(ChronicCondition.TYPE_2_DIABETES) ? 52 + random.nextInt(25) : 33 + random.nextInt(9);
      Observations.laboratory(record, encounter, Measurement.HBA1C, reported, decimal(hba1c, 0));
    }
    if (conditions.contains(ChronicCondition.HYPERLIPIDAEMIA) || (latest && age >= 40)) {
      double base = conditions.contains(ChronicCondition.HYPERLIPIDAEMIA) ? 5.6 : 4.2;
      Observations.laboratory(
          record, encounter, Measurement.TOTAL_CHOLESTEROL, reported, decimal(base + random.nextDouble() * 1.6, 1));
    }
    boolean kidneys =
        conditions.contains(ChronicCondition.CHRONIC_KIDNEY_DISEASE)
            || conditions.contains(ChronicCondition.TYPE_2_DIABETES)
            || age >= 60;
    if (latest && kidneys) {
      int egfr = conditions.contains(ChronicCondition.CHRONIC_KIDNEY_DISEASE) ? 30 + random.nextInt(30) : 60 + random.nextInt(31);
      Observations.laboratory(record, encounter, Measurement.EGFR, reported, decimal(egfr, 0));
    }
  }

  static BigDecimal decimal(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
  }
}
