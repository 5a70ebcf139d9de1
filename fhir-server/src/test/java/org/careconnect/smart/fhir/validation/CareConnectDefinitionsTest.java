package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.MetadataResource;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Care Connect definitions shipped in the jar load, BOMs included, and cover every served type. */
class CareConnectDefinitionsTest {

  static CareConnectDefinitions definitions;

  @BeforeAll
  static void load() {
    definitions = new CareConnectDefinitions(FhirContext.forDstu3Cached());
  }

  @Test
  void everyBundledFileIsLoaded() {
    Map<String, Long> byType = definitions.all().stream()
        .collect(Collectors.groupingBy(MetadataResource::fhirType, Collectors.counting()));

    assertThat(byType).containsExactlyInAnyOrderEntriesOf(
        Map.of("StructureDefinition", 94L, "ValueSet", 62L, "CodeSystem", 34L, "ConceptMap", 6L));
  }

  @Test
  void filesStartingWithAByteOrderMarkAreLoaded() {
    Map<String, MetadataResource> byUrl = definitions.all().stream()
        .collect(Collectors.toMap(MetadataResource::getUrl, Function.identity()));

    assertThat(byUrl).containsKeys(
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ConditionRelationship-1",
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-AllergySeverity-1",
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProbabilityOfRecurrence-1",
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-AllergyCertainty-1",
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-AllergyIntoleranceEndDate-1",
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-coding-sctdescid");
  }

  @Test
  void byteOrderMarkIsStrippedAndNothingElse() {
    assertThat(CareConnectDefinitions.withoutBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'}))
        .containsExactly('<');
    assertThat(CareConnectDefinitions.withoutBom(new byte[] {'<', '?'})).containsExactly('<', '?');
  }

  @Test
  void everyProfiledTypeHasItsProfileBundled() {
    CareConnectProfiles.all().forEach((type, url) ->
        assertThat(definitions.profileOf(type, url)).as(type).hasValueSatisfying(profile -> {
          assertThat(profile.getType()).isEqualTo(type);
          assertThat(profile.getDerivation()).isEqualTo(StructureDefinition.TypeDerivationRule.CONSTRAINT);
          assertThat(profile.hasSnapshot()).isTrue();
        }));
  }

  @Test
  void profileOfRefusesExtensionsAndProfilesOfOtherTypes() {
    assertThat(definitions.profileOf("Patient", CareConnectProfiles.of("Condition"))).isEmpty();
    assertThat(definitions.profileOf("Patient", CareConnectExamples.NHS_NUMBER_VERIFICATION_STATUS)).isEmpty();
    assertThat(definitions.profileOf("Patient", "http://example.org/unknown")).isEmpty();
    assertThat(definitions.profilesOf("Condition")).containsExactlyInAnyOrder(
        CareConnectProfiles.of("Condition"),
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-ProblemHeader-Condition-1");
  }
}
