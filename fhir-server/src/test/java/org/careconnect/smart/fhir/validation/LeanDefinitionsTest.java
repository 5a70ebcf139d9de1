package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import org.hl7.fhir.dstu3.model.CodeSystem;
import org.hl7.fhir.dstu3.model.ElementDefinition;
import org.hl7.fhir.dstu3.model.StructureDefinition;
import org.junit.jupiter.api.Test;

class LeanDefinitionsTest {

  private final FhirContext fhirContext = FhirContext.forDstu3Cached();

  @Test
  void baseDefinitionsLoseTheirProseButKeepWhatValidationReads() {
    DefaultProfileValidationSupport base = LeanDefinitions.load(fhirContext);
    StructureDefinition patient =
        (StructureDefinition) base.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/Patient");

    assertThat(patient.hasDifferential()).isFalse();
    assertThat(patient.hasMapping()).isFalse();
    ElementDefinition gender = element(patient, "Patient.gender");
    assertThat(gender.hasDefinition()).isFalse();
    assertThat(gender.hasComment()).isFalse();
    assertThat(gender.hasMapping()).isFalse();
    assertThat(gender.getBinding().getValueSetReference().getReference())
        .isEqualTo("http://hl7.org/fhir/ValueSet/administrative-gender");
    assertThat(gender.getMax()).isEqualTo("1");
    assertThat(element(patient, "Patient").getConstraint())
        .extracting(ElementDefinition.ElementDefinitionConstraintComponent::getExpression)
        .isNotEmpty()
        .doesNotContainNull();

    CodeSystem genders = (CodeSystem) base.fetchCodeSystem("http://hl7.org/fhir/administrative-gender");
    assertThat(genders.getConcept())
        .extracting(CodeSystem.ConceptDefinitionComponent::getCode, CodeSystem.ConceptDefinitionComponent::getDisplay)
        .contains(org.assertj.core.groups.Tuple.tuple("female", "Female"));
    assertThat(genders.getConcept()).noneMatch(CodeSystem.ConceptDefinitionComponent::hasDefinition);
  }

  @Test
  void careConnectProfilesKeepTheirDifferentialAndSnapshotRules() {
    CareConnectDefinitions definitions = new CareConnectDefinitions(fhirContext);
    StructureDefinition patient =
        definitions.profileOf("Patient", CareConnectProfiles.of("Patient")).orElseThrow();

    assertThat(patient.getDifferential().getElement()).isNotEmpty();
    assertThat(patient.getSnapshot().getElement()).noneMatch(ElementDefinition::hasDefinition);
    assertThat(patient.getSnapshot().getElement()).noneMatch(ElementDefinition::hasMapping);
    assertThat(element(patient, "Patient.identifier").getSlicing().getDiscriminator()).isNotEmpty();
  }

  private static ElementDefinition element(StructureDefinition definition, String path) {
    return definition.getSnapshot().getElement().stream()
        .filter(element -> element.getPath().equals(path))
        .findFirst()
        .orElseThrow();
  }
}
