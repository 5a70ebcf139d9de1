package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.careconnect.smart.fhir.validation.NhsNumber;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;

/**
 * The CareConnect-Patient-1 of a demo patient: NHS number (with its verification status, which
 * the profile requires on the nhsNumber slice), official name, gender, birth date, home address,
 * telephone, registered GP and practice, and for most an ethnic category.
 */
final class Demographics {

  static final String NHS_NUMBER_VERIFICATION_STATUS =
      "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-NHSNumberVerificationStatus-1";
  static final String NHS_NUMBER_VERIFICATION_STATUS_SYSTEM =
      "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
  static final String ETHNIC_CATEGORY =
      "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-EthnicCategory-1";
  static final String ETHNIC_CATEGORY_SYSTEM =
      "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-EthnicCategory-1";

  /**
   * Ethnic categories (NHS Data Dictionary), displays exactly as in the code system. A code
   * listed several times is drawn that many times more often, roughly as in England.
   */
  private static final List<Coding> ETHNIC_CATEGORIES =
      List.of(
          ethnic("A", "British, Mixed British"),
          ethnic("A", "British, Mixed British"),
          ethnic("A", "British, Mixed British"),
          ethnic("A", "British, Mixed British"),
          ethnic("A", "British, Mixed British"),
          ethnic("A", "British, Mixed British"),
          ethnic("B", "Irish"),
          ethnic("C", "Any other White background"),
          ethnic("H", "Indian or British Indian"),
          ethnic("J", "Pakistani or British Pakistani"),
          ethnic("K", "Bangladeshi or British Bangladeshi"),
          ethnic("N", "African"),
          ethnic("M", "Caribbean"),
          ethnic("R", "Chinese"),
          ethnic("D", "White and Black Caribbean"),
          ethnic("Z", "Not stated"));

  private Demographics() {}

  static void generate(PatientRecord record, String nhsNumber) {
    SplittableRandom random = record.random();
    boolean female = random.nextBoolean();
    LocalDate birthDate = birthDate(random, record.asOf());
    int age = java.time.Period.between(birthDate, record.asOf()).getYears();
    String family = UkNames.family(random);

    Patient patient = new Patient();
    patient.setId(record.patientId());
    patient.addIdentifier(nhsNumberIdentifier(nhsNumber));
    patient.setActive(true);
    HumanName name =
        patient
            .addName()
            .setUse(HumanName.NameUse.OFFICIAL)
            .setFamily(family)
            .addGiven(UkNames.given(random, female));
    if (random.nextInt(3) == 0) {
      name.addGiven(UkNames.given(random, female));
    }
    if (age >= 18) {
      name.addPrefix(female ? UkNames.pick(random, List.of("Mrs", "Ms", "Miss")) : "Mr");
    }
    patient.addTelecom(
        new ContactPoint()
            .setSystem(ContactPoint.ContactPointSystem.PHONE)
            .setValue(age >= 16 ? UkPlaces.mobile(random) : UkPlaces.landline(random))
            .setUse(age >= 16 ? ContactPoint.ContactPointUse.MOBILE : ContactPoint.ContactPointUse.HOME));
    patient.setGender(female ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
    patient.setBirthDateElement(Codings.date(birthDate));
    patient.addAddress(UkPlaces.address(random, record.practice().town(), Address.AddressUse.HOME));
    patient.addGeneralPractitioner(reference(record.gp(), record.gpName()));
    patient.setManagingOrganization(
        reference(record.practice().organization(), record.practice().name()));
    if (random.nextInt(10) < 8) {
      patient
          .addExtension()
          .setUrl(ETHNIC_CATEGORY)
          .setValue(new CodeableConcept().addCoding(UkNames.pick(random, ETHNIC_CATEGORIES).copy()));
    }
    record.setPatient(patient, birthDate, female);
  }

  /** The nhsNumber slice: system fixed, value, and the verification status extension (min 1). */
  private static Identifier nhsNumberIdentifier(String nhsNumber) {
    Identifier identifier = new Identifier().setSystem(NhsNumber.SYSTEM).setValue(nhsNumber);
    identifier
        .addExtension()
        .setUrl(NHS_NUMBER_VERIFICATION_STATUS)
        .setValue(
            new CodeableConcept()
                .addCoding(
                    new Coding(
                        NHS_NUMBER_VERIFICATION_STATUS_SYSTEM, "01", "Number present and verified")));
    return identifier;
  }

  /** Ages 1 to 94, weighted towards adults as a GP list is. */
  private static LocalDate birthDate(SplittableRandom random, LocalDate asOf) {
    int age = random.nextInt(10) < 2 ? 1 + random.nextInt(17) : 18 + random.nextInt(77);
    return asOf.minusYears(age).minusDays(1 + random.nextInt(364));
  }

  private static Coding ethnic(String code, String display) {
    return new Coding(ETHNIC_CATEGORY_SYSTEM, code, display);
  }
}
