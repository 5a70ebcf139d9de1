package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;
import static org.careconnect.smart.fhir.demo.Codings.snomed;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.dstu3.model.Coding;

/**
 * Allergies (CareConnect-AllergyIntolerance-1): about one patient in six has one, a few two.
 * Substances are SNOMED CT substances (CareConnect-AllergyCode-1); clinicalStatus, the
 * verificationStatus the profile requires, patient and the required assertedDate are always set.
 */
final class Allergies {

  private record Allergen(
      String code,
      String display,
      AllergyIntoleranceCategory category,
      Coding manifestation,
      AllergyIntoleranceSeverity severity,
      AllergyIntoleranceCriticality criticality) {}

  private static final Coding RASH = snomed("271807003", "Skin rash");
  private static final Coding URTICARIA = snomed("126485001", "Urticaria");
  private static final Coding ANAPHYLAXIS = snomed("39579001", "Anaphylaxis");
  private static final Coding SNEEZING = snomed("76067001", "Sneezing");

  private static final List<Allergen> ALLERGENS =
      List.of(
          new Allergen("764146007", "Penicillin", AllergyIntoleranceCategory.MEDICATION, RASH,
              AllergyIntoleranceSeverity.MODERATE, AllergyIntoleranceCriticality.LOW),
          new Allergen("387458008", "Aspirin", AllergyIntoleranceCategory.MEDICATION, URTICARIA,
              AllergyIntoleranceSeverity.MILD, AllergyIntoleranceCriticality.LOW),
          new Allergen("762952008", "Peanut", AllergyIntoleranceCategory.FOOD, ANAPHYLAXIS,
              AllergyIntoleranceSeverity.SEVERE, AllergyIntoleranceCriticality.HIGH),
          new Allergen("111088007", "Latex", AllergyIntoleranceCategory.ENVIRONMENT, URTICARIA,
              AllergyIntoleranceSeverity.MODERATE, AllergyIntoleranceCriticality.LOW),
          new Allergen("256259004", "Pollen", AllergyIntoleranceCategory.ENVIRONMENT, SNEEZING,
              AllergyIntoleranceSeverity.MILD, AllergyIntoleranceCriticality.LOW));

  private Allergies() {}

  static void generate(PatientRecord record) {
    SplittableRandom random = record.random();
    int draw = random.nextInt(100);
    int count = draw < 3 ? 2 : draw < 17 ? 1 : 0;
    int first = random.nextInt(ALLERGENS.size());
    for (int i = 0; i < count; i++) {
      allergy(record, ALLERGENS.get((first + i) % ALLERGENS.size()));
    }
  }

  private static void allergy(PatientRecord record, Allergen allergen) {
    LocalDate onset = record.dayBetween(record.birthDate().plusYears(1), record.asOf().minusDays(60));
    LocalDate asserted = record.dayBetween(onset, record.asOf().minusDays(30));

    AllergyIntolerance allergy = new AllergyIntolerance();
    allergy.setId(record.nextId("allergy"));
    allergy.setClinicalStatus(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE);
    allergy.setVerificationStatus(AllergyIntolerance.AllergyIntoleranceVerificationStatus.CONFIRMED);
    allergy.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
    allergy.addCategory(allergen.category());
    allergy.setCriticality(allergen.criticality());
    allergy.setCode(concept(snomed(allergen.code(), allergen.display())));
    allergy.setPatient(reference(record.patient()));
    allergy.setOnset(Codings.dateOnly(onset));
    allergy.setAssertedDateElement(Codings.dateOnly(asserted));
    allergy.setRecorder(reference(record.gp(), record.gpName()));
    allergy.addReaction()
        .addManifestation(concept(allergen.manifestation().copy()))
        .setSeverity(allergen.severity());
    record.add(allergy);
  }
}
