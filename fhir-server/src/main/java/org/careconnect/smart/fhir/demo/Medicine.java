package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.snomed;

import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Medication;

/**
 * The medicines demo patients are prescribed: dm+d virtual medicinal products (VMPs), whose
 * SNOMED CT codes the required binding of CareConnect-Medication-1 {@code code} asks for
 * (CareConnect-MedicationCode-1: the dm+d reference sets).
 */
enum Medicine {
  METFORMIN("325278007", "Metformin 500mg tablets", "Take one tablet twice a day with meals"),
  AMLODIPINE("319283006", "Amlodipine 5mg tablets", "Take one tablet once a day"),
  ATORVASTATIN("320000009", "Atorvastatin 20mg tablets", "Take one tablet at night"),
  SALBUTAMOL(
      "320176004",
      "Salbutamol 100micrograms/dose inhaler CFC free",
      "Inhale two doses when required for breathlessness"),
  PARACETAMOL(
      "322236009",
      "Paracetamol 500mg tablets",
      "Take one or two tablets up to four times a day when required for pain"),
  ASPIRIN("319773006", "Aspirin 75mg dispersible tablets", "Take one tablet once a day"),
  AMOXICILLIN(
      "323509004", "Amoxicillin 250mg capsules", "Take one capsule three times a day for five days");

  private final String code;
  private final String display;
  private final String dosage;

  Medicine(String code, String display, String dosage) {
    this.code = code;
    this.display = display;
    this.dosage = dosage;
  }

  String id() {
    return "demo-med-" + code;
  }

  String display() {
    return display;
  }

  /** The dosage instruction as a prescriber writes it (Dosage.text). */
  String dosage() {
    return dosage;
  }

  /** The Medication resource every prescription of this medicine refers to. */
  Medication resource() {
    Medication medication = new Medication();
    medication.setId(id());
    medication.setCode(concept(snomed(code, display)));
    medication.setStatus(Medication.MedicationStatus.ACTIVE);
    CareConnectProfiles.claim(medication);
    return medication;
  }
}
