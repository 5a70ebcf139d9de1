package org.careconnect.smart.fhir.demo;

/**
 * Long-term conditions of the demo population (SNOMED CT clinical findings, as the required
 * binding CareConnect-ConditionCode-1 asks), with a rough UK prevalence below and from 65 years,
 * and the medicine a GP would typically start, if any.
 */
enum ChronicCondition {
  HYPERTENSION("59621000", "Essential hypertension", 30, 0.12, 0.45, Medicine.AMLODIPINE),
  TYPE_2_DIABETES("44054006", "Type 2 diabetes mellitus", 30, 0.05, 0.15, Medicine.METFORMIN),
  ASTHMA("195967001", "Asthma", 3, 0.10, 0.08, Medicine.SALBUTAMOL),
  COPD("13645005", "Chronic obstructive lung disease", 40, 0.02, 0.07, Medicine.SALBUTAMOL),
  HYPERLIPIDAEMIA("55822004", "Hyperlipidaemia", 35, 0.08, 0.25, Medicine.ATORVASTATIN),
  OSTEOARTHRITIS("396275006", "Osteoarthritis", 45, 0.06, 0.30, Medicine.PARACETAMOL),
  ISCHAEMIC_HEART_DISEASE("414545008", "Ischaemic heart disease", 45, 0.02, 0.10, Medicine.ASPIRIN),
  DEPRESSION("35489007", "Depressive disorder", 16, 0.10, 0.08, null),
  CHRONIC_KIDNEY_DISEASE("709044004", "Chronic kidney disease", 50, 0.02, 0.12, null),
  ATRIAL_FIBRILLATION("49436004", "Atrial fibrillation", 55, 0.01, 0.07, null);

  private final String code;
  private final String display;
  private final int minimumAge;
  private final double prevalenceUnder65;
  private final double prevalenceFrom65;
  private final Medicine medicine;

  ChronicCondition(
      String code,
      String display,
      int minimumAge,
      double prevalenceUnder65,
      double prevalenceFrom65,
      Medicine medicine) {
    this.code = code;
    this.display = display;
    this.minimumAge = minimumAge;
    this.prevalenceUnder65 = prevalenceUnder65;
    this.prevalenceFrom65 = prevalenceFrom65;
    this.medicine = medicine;
  }

  String code() {
    return code;
  }

  String display() {
    return display;
  }

  int minimumAge() {
    return minimumAge;
  }

  double prevalence(int age) {
    if (age < minimumAge) {
      return 0;
    }
    return age < 65 ? prevalenceUnder65 : prevalenceFrom65;
  }

  /** The medicine started for it, or null when none is prescribed in the demo. */
  Medicine medicine() {
    return medicine;
  }

  /** Conditions that make a patient eligible for the annual flu vaccine under 65 (UK "at risk"). */
  boolean fluAtRisk() {
    return this == ASTHMA || this == COPD || this == TYPE_2_DIABETES
        || this == CHRONIC_KIDNEY_DISEASE || this == ISCHAEMIC_HEART_DISEASE;
  }
}
