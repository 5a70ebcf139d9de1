package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;

import org.hl7.fhir.dstu3.model.CodeableConcept;

/**
 * What the demo measures: the vital signs of the FHIR STU3 vital signs profile (§observation-
 * vitalsigns, whose LOINC codes and UCUM units are used) and a few laboratory results common in
 * UK primary care, each coded in LOINC and SNOMED CT.
 */
enum Measurement {
  HEART_RATE(true, "8867-4", "Heart rate", "364075005", "Heart rate", "beats/minute", "/min"),
  RESPIRATORY_RATE(
      true, "9279-1", "Respiratory rate", "86290005", "Respiratory rate", "breaths/minute", "/min"),
  BODY_TEMPERATURE(
      true, "8310-5", "Body temperature", "386725007", "Body temperature", "degrees C", "Cel"),
  OXYGEN_SATURATION(
      true,
      "59408-5",
      "Oxygen saturation in Arterial blood by Pulse oximetry",
      "431314004",
      "Peripheral oxygen saturation",
      "%",
      "%"),
  BODY_WEIGHT(true, "29463-7", "Body weight", "27113001", "Body weight", "kg", "kg"),
  BODY_HEIGHT(true, "8302-2", "Body height", "50373000", "Body height measure", "cm", "cm"),
  BODY_MASS_INDEX(
      true, "39156-5", "Body mass index (BMI) [Ratio]", "60621009", "Body mass index", "kg/m2", "kg/m2"),
  /** The panel; its value is in the two components (FHIR STU3 vital signs, blood pressure). */
  BLOOD_PRESSURE(
      true,
      "85354-9",
      "Blood pressure panel with all children optional",
      "75367002",
      "Blood pressure",
      null,
      null),
  SYSTOLIC(true, "8480-6", "Systolic blood pressure", "271649006", "Systolic blood pressure", "mmHg", "mm[Hg]"),
  DIASTOLIC(
      true, "8462-4", "Diastolic blood pressure", "271650006", "Diastolic blood pressure", "mmHg", "mm[Hg]"),
  HBA1C(
      false,
      "59261-8",
      "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol",
      "999791000000106",
      "Haemoglobin A1c level - IFCC standardised",
      "mmol/mol",
      "mmol/mol"),
  TOTAL_CHOLESTEROL(
      false,
      "14647-2",
      "Cholesterol [Moles/volume] in Serum or Plasma",
      "1005671000000105",
      "Serum cholesterol level",
      "mmol/L",
      "mmol/L"),
  EGFR(
      false,
      "33914-3",
      "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by"
          + " Creatinine-based formula (MDRD)",
      "1020291000000106",
      "GFR (glomerular filtration rate) calculated by abbreviated Modification of Diet in Renal"
          + " Disease Study Group calculation",
      "mL/min/{1.73_m2}",
      "mL/min/{1.73_m2}");

  private final boolean vitalSign;
  private final String loinc;
  private final String loincDisplay;
  private final String snomed;
  private final String snomedDisplay;
  private final String unit;
  private final String ucum;

  Measurement(
      boolean vitalSign,
      String loinc,
      String loincDisplay,
      String snomed,
      String snomedDisplay,
      String unit,
      String ucum) {
    this.vitalSign = vitalSign;
    this.loinc = loinc;
    this.loincDisplay = loincDisplay;
    this.snomed = snomed;
    this.snomedDisplay = snomedDisplay;
    this.unit = unit;
    this.ucum = ucum;
  }

  /** Category {@code vital-signs}, else {@code laboratory} (FHIR STU3 observation-category). */
  boolean vitalSign() {
    return vitalSign;
  }

  String loinc() {
    return loinc;
  }

  CodeableConcept code() {
    return concept(Codings.loinc(loinc, loincDisplay), Codings.snomed(snomed, snomedDisplay));
  }

  String unit() {
    return unit;
  }

  String ucum() {
    return ucum;
  }
}
