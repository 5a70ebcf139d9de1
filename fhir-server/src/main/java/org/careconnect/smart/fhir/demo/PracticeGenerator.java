package org.careconnect.smart.fhir.demo;

import static org.careconnect.smart.fhir.demo.Codings.concept;
import static org.careconnect.smart.fhir.demo.Codings.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.careconnect.smart.fhir.validation.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;

/**
 * GP practices: a CareConnect-Organization-1 with a synthetic ODS code, its surgery
 * (CareConnect-Location-1), and three to six GPs (CareConnect-Practitioner-1 with a synthetic SDS
 * user id) each with a CareConnect-PractitionerRole-1.
 */
final class PracticeGenerator {

  static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
  static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
  static final String SDS_JOB_ROLE_NAME =
      "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";

  private PracticeGenerator() {}

  /**
   * How many practices a population of this size has: at least three (fewer only for fewer
   * patients), then one more for each 1,500 patients, about the size of an English GP list.
   */
  static int practiceCount(int patients) {
    return Math.min(patients, 3) + patients / 1_500;
  }

  /** Practice number {@code index} (from 0); its ODS code is {@code Z} and five digits. */
  static Practice practice(SplittableRandom random, int index) {
    UkPlaces.Town town = UkPlaces.town(random);
    String odsCode = String.format(Locale.ROOT, "Z%05d", index + 1);
    String name = UkPlaces.practiceName(random, town);
    Address address = UkPlaces.address(random, town, Address.AddressUse.WORK);
    String phone = UkPlaces.landline(random);

    Organization organization = new Organization();
    organization.setId("demo-org-" + (index + 1));
    organization.addIdentifier().setSystem(ODS_ORGANIZATION_CODE).setValue(odsCode);
    organization.setActive(true);
    organization.addType(
        concept(new Coding("http://hl7.org/fhir/organization-type", "prov", "Healthcare Provider")));
    organization.setName(name);
    organization.addTelecom(phone(phone, ContactPoint.ContactPointUse.WORK));
    organization.addAddress(address.copy());
    CareConnectProfiles.claim(organization);

    Location location = new Location();
    location.setId("demo-loc-" + (index + 1));
    location.addIdentifier().setSystem(ODS_SITE_CODE).setValue(odsCode + "001");
    location.setStatus(Location.LocationStatus.ACTIVE);
    location.setName(name);
    location.setMode(Location.LocationMode.INSTANCE);
    location.setPhysicalType(
        concept(new Coding("http://hl7.org/fhir/location-physical-type", "bu", "Building")));
    location.addTelecom(phone(phone, ContactPoint.ContactPointUse.WORK));
    location.setAddress(address.copy());
    location.setManagingOrganization(reference(organization, name));
    CareConnectProfiles.claim(location);

    int gpCount = 3 + random.nextInt(4);
    List<Practitioner> gps = new ArrayList<>();
    List<PractitionerRole> roles = new ArrayList<>();
    for (int g = 0; g < gpCount; g++) {
      String id = "demo-prac-" + (index + 1) + "-" + (g + 1);
      Practitioner gp = gp(random, id, String.format(Locale.ROOT, "G%08d", (index + 1) * 100 + g + 1));
      gps.add(gp);
      roles.add(role(gp, id.replace("demo-prac-", "demo-role-"), organization, location, g == 0));
    }
    return new Practice(organization, location, town, List.copyOf(gps), List.copyOf(roles));
  }

  private static Practitioner gp(SplittableRandom random, String id, String sdsUserId) {
    boolean female = random.nextBoolean();
    Practitioner gp = new Practitioner();
    gp.setId(id);
    gp.addIdentifier().setSystem(SDS_USER_ID).setValue(sdsUserId);
    gp.setActive(true);
    gp.addName()
        .setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(UkNames.family(random))
        .addGiven(UkNames.given(random, female))
        .addPrefix("Dr");
    gp.setGender(female ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
    CareConnectProfiles.claim(gp);
    return gp;
  }

  /** The first GP is a partner (R0260), the others salaried (R0270): SDS job role names. */
  private static PractitionerRole role(
      Practitioner gp, String id, Organization organization, Location location, boolean partner) {
    PractitionerRole role = new PractitionerRole();
    role.setId(id);
    role.setActive(true);
    role.setPractitioner(reference(gp, displayName(gp)));
    role.setOrganization(reference(organization, organization.getName()));
    role.addCode(
        concept(
            partner
                ? new Coding(SDS_JOB_ROLE_NAME, "R0260", "General Medical Practitioner")
                : new Coding(SDS_JOB_ROLE_NAME, "R0270", "Salaried General Practitioner")));
    role.addLocation(reference(location, location.getName()));
    CareConnectProfiles.claim(role);
    return role;
  }

  static String displayName(Practitioner gp) {
    HumanName name = gp.getNameFirstRep();
    return "Dr " + name.getGivenAsSingleString() + " " + name.getFamily();
  }

  private static ContactPoint phone(String number, ContactPoint.ContactPointUse use) {
    return new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number).setUse(use);
  }
}
