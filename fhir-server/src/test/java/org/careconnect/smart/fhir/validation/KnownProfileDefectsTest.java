package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.junit.jupiter.api.Test;

/** Each waiver matches its one message, and a change of profile, element, rule or text defeats it. */
class KnownProfileDefectsTest {

  static final String PATIENT = CareConnectProfiles.BASE + "CareConnect-Patient-1";
  static final String CONDITION = CareConnectProfiles.BASE + "CareConnect-Condition-1";
  static final String ALLERGY = CareConnectProfiles.BASE + "CareConnect-AllergyIntolerance-1";

  static final String NAME_SLICES = "Profile " + PATIENT + "|1.2.0, Element matches more than one slice - official, other";
  static final String VERIFICATION_STATUS =
      "Condition.verificationStatus: max allowed = 0, but found 1 (from " + CONDITION + "|1.1.0)";
  static final String ALLERGY_SLICE =
      "Slicing cannot be evaluated: Could not match discriminator (system) for slice AllergyIntolerance.code.coding:snomedCT"
          + " in profile " + ALLERGY + "|1.2.0 - the discriminator [system] does not have fixed value, binding or"
          + " existence assertions";

  @Test
  void thereAreExactlyThreeWaivers() {
    assertThat(KnownProfileDefects.WAIVERS).extracting(KnownProfileDefects.Waiver::profile)
        .containsExactly(PATIENT, CONDITION, ALLERGY);
  }

  @Test
  void patientNameSliceWaiverMatchesOnlyItsMessage() {
    assertThat(waived(PATIENT, "Validation_VAL_Profile_MatchMultiple", "Patient.name[0]", NAME_SLICES)).isTrue();
    assertThat(waived(PATIENT, "Validation_VAL_Profile_MatchMultiple", "Patient.name[12]", NAME_SLICES)).isTrue();

    assertThat(waived(CONDITION, "Validation_VAL_Profile_MatchMultiple", "Patient.name[0]", NAME_SLICES)).isFalse();
    assertThat(waived(PATIENT, "Validation_VAL_Profile_MatchMultiple", "Patient.contact[0].name", NAME_SLICES)).isFalse();
    assertThat(waived(PATIENT, "Validation_VAL_Profile_MatchMultiple", "Patient.name", NAME_SLICES)).isFalse();
    assertThat(waived(PATIENT, "Validation_VAL_Profile_Maximum", "Patient.name[0]", NAME_SLICES)).isFalse();
    assertThat(waived(PATIENT, "Validation_VAL_Profile_MatchMultiple", "Patient.name[0]",
        NAME_SLICES.replace("1.2.0", "1.3.0"))).isFalse();
    assertThat(waived(PATIENT, "Validation_VAL_Profile_MatchMultiple", "Patient.name[0]",
        NAME_SLICES.replace("official, other", "official, usual"))).isFalse();
  }

  @Test
  void conditionVerificationStatusWaiverMatchesOnlyItsMessage() {
    assertThat(waived(CONDITION, "Validation_VAL_Profile_Maximum", "Condition", VERIFICATION_STATUS)).isTrue();

    assertThat(waived(PATIENT, "Validation_VAL_Profile_Maximum", "Condition", VERIFICATION_STATUS)).isFalse();
    assertThat(waived(CONDITION, "Validation_VAL_Profile_Minimum", "Condition", VERIFICATION_STATUS)).isFalse();
    assertThat(waived(CONDITION, "Validation_VAL_Profile_Maximum", "Condition.contained[0]", VERIFICATION_STATUS)).isFalse();
    assertThat(waived(CONDITION, "Validation_VAL_Profile_Maximum", "Condition",
        VERIFICATION_STATUS.replace("verificationStatus", "clinicalStatus"))).isFalse();
  }

  @Test
  void allergyCodeSliceWaiverMatchesOnlyItsMessage() {
    assertThat(waived(ALLERGY, "SLICING_CANNOT_BE_EVALUATED", "AllergyIntolerance.code.coding[0]", ALLERGY_SLICE)).isTrue();

    assertThat(waived(ALLERGY, "SLICING_CANNOT_BE_EVALUATED", "AllergyIntolerance.reaction[0].substance.coding[0]",
        ALLERGY_SLICE)).isFalse();
    assertThat(waived(ALLERGY, "SLICING_CANNOT_BE_EVALUATED", "AllergyIntolerance.code.coding[0]",
        ALLERGY_SLICE.replace("code.coding:snomedCT", "reaction.substance.coding:snomedCT"))).isFalse();
    assertThat(waived(CONDITION, "SLICING_CANNOT_BE_EVALUATED", "AllergyIntolerance.code.coding[0]", ALLERGY_SLICE)).isFalse();
  }

  @Test
  void aMessageWithoutLocationIsNeverWaived() {
    assertThat(waived(CONDITION, "Validation_VAL_Profile_Maximum", null, VERIFICATION_STATUS)).isFalse();
  }

  private static boolean waived(String profile, String messageId, String location, String text) {
    SingleValidationMessage message = new SingleValidationMessage();
    message.setSeverity(ResultSeverityEnum.ERROR);
    message.setMessageId(messageId);
    message.setLocationString(location);
    message.setMessage(text);
    return KnownProfileDefects.waiverFor(profile, message).isPresent();
  }
}
