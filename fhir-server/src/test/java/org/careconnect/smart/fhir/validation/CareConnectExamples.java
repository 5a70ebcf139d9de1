package org.careconnect.smart.fhir.validation;

import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Condition;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;

/** Resources that conform to the Care Connect profiles, for tests to break one rule at a time. */
final class CareConnectExamples {

  static final String NHS_NUMBER_VERIFICATION_STATUS =
      "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-NHSNumberVerificationStatus-1";

  private CareConnectExamples() {}

  /** A Patient conformant to CareConnect-Patient-1: a verified NHS number, an official name. */
  static Patient patient(String family) {
    Patient patient = new Patient();
    patient.addIdentifier(nhsNumber(newNhsNumber()));
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("Ada");
    patient.setGender(AdministrativeGender.FEMALE);
    patient.getBirthDateElement().setValueAsString("1980-01-01");
    return patient;
  }

  /** An NHS number identifier with the verification status the profile requires. */
  static Identifier nhsNumber(String value) {
    Identifier identifier = new Identifier().setSystem(NhsNumber.SYSTEM).setValue(value);
    identifier
        .addExtension()
        .setUrl(NHS_NUMBER_VERIFICATION_STATUS)
        .setValue(new CodeableConcept().addCoding(new Coding(
            "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1",
            "01",
            "Number present and verified")));
    return identifier;
  }

  /** A random NHS number with a right check digit (never issued ones start with 9: test range). */
  static String newNhsNumber() {
    while (true) {
      String stem = "9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
      Integer check = NhsNumber.checkDigit(stem);
      if (check != null) {
        return stem + check;
      }
    }
  }

  /** The same NHS number with a wrong check digit. */
  static String withWrongCheckDigit(String nhsNumber) {
    int check = nhsNumber.charAt(9) - '0';
    return nhsNumber.substring(0, 9) + ((check + 1) % 10);
  }

  /** A Condition conformant to CareConnect-Condition-1 (SNOMED CT code, clinical status). */
  static Condition condition() {
    Condition condition = new Condition();
    condition.setClinicalStatus(Condition.ConditionClinicalStatus.ACTIVE);
    condition.setCode(new CodeableConcept().addCoding(
        new Coding("http://snomed.info/sct", "38341003", "Hypertensive disorder")));
    condition.setSubject(new Reference("Patient/example"));
    return condition;
  }

  /** An AllergyIntolerance conformant to CareConnect-AllergyIntolerance-1, coded in SNOMED CT. */
  static AllergyIntolerance allergy() {
    AllergyIntolerance allergy = new AllergyIntolerance();
    allergy.setClinicalStatus(AllergyIntolerance.AllergyIntoleranceClinicalStatus.ACTIVE);
    allergy.setVerificationStatus(AllergyIntolerance.AllergyIntoleranceVerificationStatus.CONFIRMED);
    allergy.setCode(new CodeableConcept().addCoding(
        new Coding("http://snomed.info/sct", "91936005", "Allergy to penicillin")));
    allergy.setPatient(new Reference("Patient/example"));
    allergy.setAssertedDateElement(new DateTimeType("2020-01-01"));
    return allergy;
  }
}
