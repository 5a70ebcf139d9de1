package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Consultations.decimal;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.SplittableRandom;
import org.hl7.fhir.dstu3.model.Encounter;

/**
 * The vital signs of one patient over time: each patient has a baseline (higher blood pressure
 * with hypertension, lower saturation with COPD, height and weight by age and sex) around which
 * each consultation's readings vary.
 */
final class VitalSigns {

  private final PatientRecord record;
  private final SplittableRandom random;
  private final int heartRate;
  private final int systolic;
  private final int diastolic;
  private final int saturation;
  private final double heightCm;
  private final double weightKg;

  VitalSigns(PatientRecord record, Set<ChronicCondition> conditions) {
    this.record = record;
    this.random = record.random();
    int age = record.age();
    boolean hypertensive = conditions.contains(ChronicCondition.HYPERTENSION);
    this.heartRate = 62 + random.nextInt(22) + (age < 12 ? 20 : 0);
    this.systolic = (age < 18 ? 102 : 112) + random.nextInt(18) + (hypertensive ? 22 : 0) + Math.max(0, age - 50) / 3;
    this.diastolic = (age < 18 ? 62 : 70) + random.nextInt(12) + (hypertensive ? 10 : 0);
    this.saturation = conditions.contains(ChronicCondition.COPD) ? 92 + random.nextInt(3) : 96 + random.nextInt(3);
    double adultHeight = (record.female() ? 155 : 168) + random.nextDouble() * 20;
    this.heightCm = age >= 18 ? adultHeight : Math.min(adultHeight, 76 + 6.2 * age);
    double bmi = age >= 18 ? 20 + random.nextDouble() * 13 : 15 + random.nextDouble() * 6;
    this.weightKg = bmi * (heightCm / 100) * (heightCm / 100);
  }

  /** The readings of one consultation; height and BMI only at the first one. */
  void record(Encounter encounter, LocalDateTime taken, boolean first) {
    Observations.bloodPressure(record, encounter, taken, systolic + random.nextInt(13) - 6, diastolic + random.nextInt(9) - 4);
    Observations.vitalSign(record, encounter, Measurement.HEART_RATE, taken, decimal(heartRate + random.nextInt(11) - 5, 0));
    Observations.vitalSign(record, encounter, Measurement.RESPIRATORY_RATE, taken, decimal(13 + random.nextInt(6), 0));
    Observations.vitalSign(record, encounter, Measurement.BODY_TEMPERATURE, taken, decimal(36.3 + random.nextDouble() * 0.9, 1));
    Observations.vitalSign(record, encounter, Measurement.OXYGEN_SATURATION, taken, decimal(saturation + random.nextInt(3) - 1, 0));
    double weight = weightKg * (0.97 + random.nextDouble() * 0.06);
    Observations.vitalSign(record, encounter, Measurement.BODY_WEIGHT, taken, decimal(weight, 1));
    if (first) {
      Observations.vitalSign(record, encounter, Measurement.BODY_HEIGHT, taken, decimal(heightCm, 0));
      double bmi = weight / ((heightCm / 100) * (heightCm / 100));
      Observations.vitalSign(record, encounter, Measurement.BODY_MASS_INDEX, taken, decimal(bmi, 1));
    }
  }
}
