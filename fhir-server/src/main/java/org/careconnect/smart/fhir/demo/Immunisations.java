package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;
import static org.careconnect.smart.fhir.demo.Codings.snomed;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Immunization;

/**
 * Vaccinations given at the practice (CareConnect-Immunization-1, with the status, notGiven,
 * vaccineCode, patient and primarySource it requires), following the UK schedule for adults:
 * flu each autumn from 65 or with an at-risk condition, pneumococcal once from 65, a COVID-19
 * booster from 75; some younger adults choose a flu vaccine.
 */
final class Immunisations {

  private static final Coding FLU = snomed("836377006", "Influenza virus antigen-containing vaccine product");
  private static final Coding PNEUMOCOCCAL =
      snomed("836398006", "Streptococcus pneumoniae antigen-containing vaccine product");
  private static final Coding COVID_19 = snomed("1119349007", "SARS-CoV-2 mRNA vaccine");

  private Immunisations() {}

  static void generate(PatientRecord record, Set<ChronicCondition> conditions) {
    int age = record.age();
    boolean atRisk = conditions.stream().anyMatch(ChronicCondition::fluAtRisk);
    if (age >= 65 || (atRisk && age >= 18)) {
      for (int yearsAgo = 2; yearsAgo >= 0; yearsAgo--) {
        give(record, FLU, autumn(record, record.asOf().getYear() - 1 - yearsAgo));
      }
    } else if (age >= 18 && record.random().nextInt(10) < 3) {
      give(record, FLU, autumn(record, record.asOf().getYear() - 1));
    }
    if (age >= 65) {
      give(record, PNEUMOCOCCAL, record.dayBetween(record.birthDate().plusYears(65), record.asOf()));
    }
    if (age >= 75) {
      give(record, COVID_19, autumn(record, record.asOf().getYear() - 1));
    }
  }

  private static LocalDate autumn(PatientRecord record, int year) {
    return record.dayBetween(LocalDate.of(year, 9, 15), LocalDate.of(year, 12, 15));
  }

  private static void give(PatientRecord record, Coding vaccine, LocalDate day) {
    Immunization immunization = new Immunization();
    immunization.setId(record.nextId("imm"));
    immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
    immunization.setNotGiven(false);
    immunization.setVaccineCode(concept(vaccine.copy()));
    immunization.setPatient(reference(record.patient()));
    immunization.setDateElement(Codings.dateTime(record.surgeryTime(day)));
    immunization.setPrimarySource(true);
    immunization.setLocation(reference(record.practice().location(), record.practice().name()));
    immunization.setLotNumber(String.format(Locale.ROOT, "DM%05d", record.random().nextInt(100_000)));
    immunization.addPractitioner().setActor(reference(record.gp(), record.gpName()));
    record.add(immunization);
  }
}
