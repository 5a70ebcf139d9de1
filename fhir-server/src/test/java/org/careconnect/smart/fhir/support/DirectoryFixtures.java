package org.careconnect.smart.fhir.support;

import static org.careconnect.smart.fhir.support.Fixture.SNOMED;
import static org.careconnect.smart.fhir.support.Fixture.concept;
import static org.careconnect.smart.fhir.support.Fixture.localId;
import static org.careconnect.smart.fhir.support.Fixture.localToken;
import static org.careconnect.smart.fhir.support.Fixture.ref;
import static org.careconnect.smart.fhir.support.Fixture.snomed;

import java.util.List;
import org.careconnect.smart.fhir.validation.NhsNumber;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;

/** Patients and the directory: Practitioner, PractitionerRole, Organization, Location, Medication. */
public final class DirectoryFixtures {

  static final String NHS_VERIFICATION =
      "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-NHSNumberVerificationStatus-1";
  static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
  static final String ODS_ORGANIZATION = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String ODS_SITE = "https://fhir.nhs.uk/Id/ods-site-code";
  static final String SDS_JOB_ROLE =
      "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";

  private DirectoryFixtures() {}

  public static final Fixture PATIENT =
      new Fixture("patient", "Patient", DirectoryFixtures::patient)
          .example("identifier", v -> NhsNumber.SYSTEM + "|" + v.nhsNumber())
          .example("gender", v -> v.pick("female", "male"))
          .example("active", v -> v.pick("true", "false"))
          .example("telecom", v -> v.pick("phone|0113 496 0000", "phone|0161 496 0000"))
          .example("name", v -> v.pick("Ångström", "Bennett"))
          .example("family", v -> v.pick("Ångström", "Bennett"))
          .example("given", v -> v.pick("Ada", "Bob"))
          .example("address", v -> v.pick("Leeds", "Manchester"))
          .example("address-postalcode", v -> v.pick("LS1 4AP", "M1 1AE"))
          .example("birthdate", v -> v.pick("1970-01-31", "1985-06-15"))
          .example("general-practitioner", v -> v.ref("Practitioner"))
          .example("organization", v -> v.ref("Organization"));

  public static final Fixture PRACTITIONER =
      new Fixture("practitioner", "Practitioner", DirectoryFixtures::practitioner)
          .example("identifier", v -> SDS_USER_ID + "|" + v.identifier("sds"))
          .example("active", v -> v.pick("true", "false"))
          .example("gender", v -> v.pick("female", "male"))
          .example("telecom", v -> v.pick("0113 496 0001", "0161 496 0001"))
          .example("email", v -> v.pick("ada.jones@nhs.net", "bob.smith@nhs.net"))
          .example("phone", v -> v.pick("0113 496 0001", "0161 496 0001"))
          .example("name", v -> v.pick("Jones", "Smith"))
          .example("family", v -> v.pick("Jones", "Smith"))
          .example("given", v -> v.pick("Ada", "Bob"))
          .example("address", v -> v.pick("Infirmary Street", "Oxford Road"))
          .example("address-city", v -> v.pick("Leeds", "Manchester"))
          .example("address-postalcode", v -> v.pick("LS1 3EX", "M13 9WL"));

  public static final Fixture PRACTITIONER_ROLE =
      new Fixture("practitionerrole", "PractitionerRole", DirectoryFixtures::practitionerRole)
          .example("identifier", v -> localToken("practitioner-role", v))
          .example("active", v -> v.pick("true", "false"))
          .example("role", v -> SDS_JOB_ROLE + "|" + v.pick("R0260", "R0050"))
          .example("specialty", v -> v.pick("600", "300"))
          .example("telecom", v -> v.pick("0113 496 0002", "0161 496 0002"))
          .example("email", v -> v.pick("gp.leeds@nhs.net", "consultant.mcr@nhs.net"))
          .example("phone", v -> v.pick("0113 496 0002", "0161 496 0002"))
          .example("date", v -> v.pick("2020-03", "2018-07"))
          .example("practitioner", v -> v.ref("Practitioner"))
          .example("organization", v -> v.ref("Organization"))
          .example("location", v -> v.ref("Location"));

  public static final Fixture ORGANIZATION =
      new Fixture("organization", "Organization", DirectoryFixtures::organization)
          .example("identifier", v -> ODS_ORGANIZATION + "|" + v.identifier("ods"))
          .example("active", v -> v.pick("true", "false"))
          .example("type", v -> "http://hl7.org/fhir/organization-type|" + v.pick("prov", "dept"))
          .example("name", v -> v.pick("LTHT", "Manchester University"))
          .example("address", v -> v.pick("Great George Street", "Oxford Road"))
          .example("address-city", v -> v.pick("Leeds", "Manchester"))
          .example("address-postalcode", v -> v.pick("LS1 3EX", "M13 9WL"))
          .example("partof", v -> "Organization/" + v.id("parent-organization"));

  public static final Fixture LOCATION =
      new Fixture("location", "Location", DirectoryFixtures::location)
          .example("identifier", v -> ODS_SITE + "|" + v.identifier("site"))
          .example("status", v -> v.pick("active", "suspended"))
          .example("operational-status", v -> v.pick("O", "U"))
          .example("type", v -> "http://hl7.org/fhir/v3/RoleCode|" + v.pick("HOSP", "GACH"))
          .example("name", v -> v.pick("St James's", "Wythenshawe"))
          .example("address", v -> v.pick("Beckett Street", "Southmoor Road"))
          .example("address-city", v -> v.pick("Leeds", "Manchester"))
          .example("address-postalcode", v -> v.pick("LS9 7TF", "M23 9LT"))
          .example("organization", v -> v.ref("Organization"))
          .example("partof", v -> "Location/" + v.id("site"));

  public static final Fixture MEDICATION =
      new Fixture("medication", "Medication", DirectoryFixtures::medication)
          .example("code", v -> SNOMED + "|" + v.pick("322236009", "319283006"))
          .example("status", v -> v.pick("active", "inactive"))
          .example("form", v -> v.pick("385055001", "385049006"))
          .example("over-the-counter", v -> v.pick("true", "false"))
          .example("container", v -> v.pick("419672006", "469057007"))
          .example("ingredient-code", v -> SNOMED + "|" + v.pick("387517004", "386864001"))
          .example("ingredient", v -> "Substance/" + v.id("substance"))
          .example("manufacturer", v -> v.ref("Organization"));

  public static final List<Fixture> ALL =
      List.of(PATIENT, PRACTITIONER, PRACTITIONER_ROLE, ORGANIZATION, LOCATION, MEDICATION);

  static Patient patient(Variant v) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(NhsNumber.SYSTEM).setValue(v.nhsNumber())
        .addExtension(NHS_VERIFICATION, concept(
            "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1",
            "01", "Number present and verified"));
    patient.setActive(v.isA());
    patient.addName().setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(v.pick("Ångström", "Bennett")).addGiven(v.pick("Ada", "Bob"));
    patient.setGender(v.pick(AdministrativeGender.FEMALE, AdministrativeGender.MALE));
    patient.setBirthDateElement(new DateType(v.pick("1970-01-31", "1985-06-15")));
    patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(v.pick("0113 496 0000", "0161 496 0000"));
    patient.addAddress(address(v.pick("1 Park Row", "2 Deansgate"), v.pick("Leeds", "Manchester"),
        v.pick("LS1 4AP", "M1 1AE")).setUse(Address.AddressUse.HOME));
    patient.addGeneralPractitioner(ref(v.ref("Practitioner")));
    patient.setManagingOrganization(ref(v.ref("Organization")));
    return patient;
  }

  static Practitioner practitioner(Variant v) {
    Practitioner practitioner = new Practitioner();
    practitioner.addIdentifier().setSystem(SDS_USER_ID).setValue(v.identifier("sds"));
    practitioner.setActive(v.isA());
    practitioner.addName().setUse(HumanName.NameUse.USUAL).setFamily(v.pick("Jones", "Smith"))
        .addGiven(v.pick("Ada", "Bob")).addPrefix("Dr");
    practitioner.setGender(v.pick(AdministrativeGender.FEMALE, AdministrativeGender.MALE));
    practitioner.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(v.pick("0113 496 0001", "0161 496 0001"));
    practitioner.addTelecom().setSystem(ContactPointSystem.EMAIL)
        .setValue(v.pick("ada.jones@nhs.net", "bob.smith@nhs.net"));
    practitioner.addAddress(address(v.pick("Infirmary Street", "Oxford Road"), v.pick("Leeds", "Manchester"),
        v.pick("LS1 3EX", "M13 9WL")).setUse(Address.AddressUse.WORK));
    return practitioner;
  }

  static PractitionerRole practitionerRole(Variant v) {
    PractitionerRole role = new PractitionerRole();
    role.addIdentifier(localId("practitioner-role", v));
    role.setActive(v.isA());
    role.addCode(concept(SDS_JOB_ROLE, v.pick("R0260", "R0050"),
        v.pick("General Medical Practitioner", "Consultant")));
    role.addSpecialty(concept("https://fhir.nhs.uk/STU3/CodeSystem/Specialty-1", v.pick("600", "300"),
        v.pick("General Medical Practice", "General Medicine")));
    role.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(v.pick("0113 496 0002", "0161 496 0002"));
    role.addTelecom().setSystem(ContactPointSystem.EMAIL)
        .setValue(v.pick("gp.leeds@nhs.net", "consultant.mcr@nhs.net"));
    role.setPeriod(new Period().setStartElement(new DateTimeType(v.pick("2020-03-01", "2018-07-01")))
        .setEndElement(new DateTimeType(v.pick("2020-03-31", "2018-07-31"))));
    role.setPractitioner(ref(v.ref("Practitioner")));
    role.setOrganization(ref(v.ref("Organization")));
    role.addLocation(ref(v.ref("Location")));
    return role;
  }

  static Organization organization(Variant v) {
    Organization organization = new Organization();
    organization.addIdentifier().setSystem(ODS_ORGANIZATION).setValue(v.identifier("ods"));
    organization.setActive(v.isA());
    organization.addType(concept("http://hl7.org/fhir/organization-type", v.pick("prov", "dept"),
        v.pick("Healthcare Provider", "Hospital Department")));
    organization.setName(v.pick("Leeds Teaching Hospitals NHS Trust", "Manchester University NHS Foundation Trust"));
    organization.addAlias(v.pick("LTHT", "MFT"));
    organization.addAddress(address(v.pick("Great George Street", "Oxford Road"), v.pick("Leeds", "Manchester"),
        v.pick("LS1 3EX", "M13 9WL")));
    organization.setPartOf(ref("Organization/" + v.id("parent-organization")));
    return organization;
  }

  static Location location(Variant v) {
    Location location = new Location();
    location.addIdentifier().setSystem(ODS_SITE).setValue(v.identifier("site"));
    location.setStatus(v.pick(Location.LocationStatus.ACTIVE, Location.LocationStatus.SUSPENDED));
    location.setOperationalStatus(new Coding("http://hl7.org/fhir/v2/0116", v.pick("O", "U"),
        v.pick("Occupied", "Unoccupied")));
    location.setType(concept("http://hl7.org/fhir/v3/RoleCode", v.pick("HOSP", "GACH"),
        v.pick("Hospital", "Hospitals; General Acute Care Hospital")));
    location.setName(v.pick("St James's University Hospital", "Wythenshawe Hospital"));
    location.addAlias(v.pick("Jimmy's", "Wythy"));
    location.setAddress(address(v.pick("Beckett Street", "Southmoor Road"), v.pick("Leeds", "Manchester"),
        v.pick("LS9 7TF", "M23 9LT")));
    location.setManagingOrganization(ref(v.ref("Organization")));
    location.setPartOf(ref("Location/" + v.id("site")));
    return location;
  }

  static Medication medication(Variant v) {
    Medication medication = new Medication();
    medication.setCode(snomed(v.pick("322236009", "319283006"),
        v.pick("Paracetamol 500mg tablets", "Amlodipine 5mg tablets")));
    medication.setStatus(v.pick(Medication.MedicationStatus.ACTIVE, Medication.MedicationStatus.INACTIVE));
    medication.setForm(snomed(v.pick("385055001", "385049006"), v.pick("Tablet", "Capsule")));
    medication.setIsOverTheCounter(v.isA());
    medication.getPackage().setContainer(snomed(v.pick("419672006", "469057007"),
        v.pick("Bottle", "Blister pack")));
    medication.addIngredient().setItem(snomed(v.pick("387517004", "386864001"),
        v.pick("Paracetamol", "Amlodipine")));
    medication.addIngredient().setItem(new Reference("Substance/" + v.id("substance")));
    medication.setManufacturer(ref(v.ref("Organization")));
    return medication;
  }

  static Address address(String line, String city, String postcode) {
    return new Address().addLine(line).setCity(city).setPostalCode(postcode);
  }

}
