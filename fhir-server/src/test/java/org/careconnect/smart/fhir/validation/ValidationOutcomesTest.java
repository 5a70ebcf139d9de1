package org.careconnect.smart.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an issue names its element: FHIRPath in expression, STU3 XPath in location. */
class ValidationOutcomesTest {

  @Test
  void missingElementReportedAtItsParentIsNamedItself() {
    assertThat(ValidationOutcomes.expressionOf("Patient", "Patient.name: minimum required = 1, but only found 0 (from x)"))
        .isEqualTo("Patient.name");
    assertThat(ValidationOutcomes.expressionOf("Patient.name[0]",
        "Patient.name:official.family: minimum required = 1, but only found 0 (from x)"))
        .isEqualTo("Patient.name[0].family");
    assertThat(ValidationOutcomes.expressionOf("Patient", "Patient.name:official: max allowed = 1, but found 2 (from x)"))
        .isEqualTo("Patient.name");
    assertThat(ValidationOutcomes.expressionOf("Patient.identifier[1]",
        "Slice 'Patient.identifier:nhsNumber.extension:nhsNumberVerificationStatus' for extension 'x': a matching slice is required"))
        .isEqualTo("Patient.identifier[1].extension");
  }

  @Test
  void elementNamedElsewhereThanUnderTheLocationLeavesTheLocation() {
    assertThat(ValidationOutcomes.expressionOf("Patient.contact[0]", "Patient.name: minimum required = 1, but only found 0"))
        .isEqualTo("Patient.contact[0]");
    assertThat(ValidationOutcomes.expressionOf("Patient.maritalStatus", "None of the codings provided are in the value set"))
        .isEqualTo("Patient.maritalStatus");
    assertThat(ValidationOutcomes.expressionOf(null, "anything")).isNull();
  }

  @Test
  void xpathCountsFromOne() {
    assertThat(ValidationOutcomes.xpathOf("Patient.identifier[0].value")).isEqualTo("/f:Patient/f:identifier[1]/f:value");
    assertThat(ValidationOutcomes.xpathOf("Patient")).isEqualTo("/f:Patient");
  }

  @Test
  void xpathIsLeftOutWhenThePathIsNotPlainElements() {
    assertThat(ValidationOutcomes.xpathOf("Bundle.entry[0].resource/*Patient/null*/.name")).isNull();
  }
}
