package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The three known defects of the Care Connect STU3 profiles that make HAPI's validator reject
 * conformant data (docs/validation.md, "Waived profile defects"). Each waiver matches one
 * message exactly: the profile validated against, the validator's message id, the element
 * location and the full message text (which names the profile version). Any other message of
 * the same profiles, and the same message for another profile, element or version, still counts.
 */
final class KnownProfileDefects {

  /** One waived message. */
  record Waiver(String profile, String messageId, Pattern location, String message, String reason) {

    boolean matches(String validatedProfile, SingleValidationMessage issue) {
      return profile.equals(validatedProfile)
          && messageId.equals(issue.getMessageId())
          && issue.getLocationString() != null
          && location.matcher(issue.getLocationString()).matches()
          && message.equals(issue.getMessage());
    }
  }

  private static final String PATIENT = CareConnectProfiles.BASE + "CareConnect-Patient-1";
  private static final String CONDITION = CareConnectProfiles.BASE + "CareConnect-Condition-1";
  private static final String ALLERGY = CareConnectProfiles.BASE + "CareConnect-AllergyIntolerance-1";

  static final List<Waiver> WAIVERS =
      List.of(
          // CareConnect-Patient-1 1.2.0 slices name by use: the 'official' slice fixes
          // use=official, but the 'other' slice binds use to CareConnect-NameUse-1, which also
          // holds 'official'. Every official name so matches both slices. The official slice's
          // own rules (family 1..1, one official name) are still checked and still enforced.
          new Waiver(
              PATIENT,
              "Validation_VAL_Profile_MatchMultiple",
              Pattern.compile("Patient\\.name\\[\\d+]"),
              "Profile " + PATIENT + "|1.2.0, Element matches more than one slice - official, other",
              "CareConnect-Patient-1 1.2.0: an official name matches both the 'official' and the"
                  + " 'other' name slice"),
          // CareConnect-Condition-1 1.1.0 sets verificationStatus to 0..0, yet base STU3 allows
          // 0..1 and invariant con-3 depends on it: an entered-in-error Condition could not be
          // expressed. CareConnect-ProblemHeader-Condition-1 allows 0..1. The base binding of the
          // element still applies.
          new Waiver(
              CONDITION,
              "Validation_VAL_Profile_Maximum",
              Pattern.compile("Condition"),
              "Condition.verificationStatus: max allowed = 0, but found 1 (from " + CONDITION + "|1.1.0)",
              "CareConnect-Condition-1 1.1.0: verificationStatus max 0 contradicts base STU3 and con-3"),
          // CareConnect-AllergyIntolerance-1 1.2.0 slices code.coding by system, but its
          // 'snomedCT' slice fixes no system, so the discriminator cannot be evaluated for any
          // coded AllergyIntolerance. Only code.coding is affected: the reaction.* codings'
          // snomedCT slices are well formed and are not waived.
          new Waiver(
              ALLERGY,
              "SLICING_CANNOT_BE_EVALUATED",
              Pattern.compile("AllergyIntolerance\\.code\\.coding\\[\\d+]"),
              "Slicing cannot be evaluated: Could not match discriminator (system) for slice"
                  + " AllergyIntolerance.code.coding:snomedCT in profile " + ALLERGY
                  + "|1.2.0 - the discriminator [system] does not have fixed value, binding or"
                  + " existence assertions",
              "CareConnect-AllergyIntolerance-1 1.2.0: the code.coding 'snomedCT' slice has no"
                  + " fixed system"));

  private KnownProfileDefects() {}

  /** The waiver covering this message when validating against {@code profile}, if any. */
  static Optional<Waiver> waiverFor(String profile, SingleValidationMessage issue) {
    return WAIVERS.stream().filter(waiver -> waiver.matches(profile, issue)).findFirst();
  }
}
