package org.careconnect.smart.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeDescriptionTest {

    private static String describe(String scope) {
        return ScopeParser.parse(scope).describe();
    }

    @Test
    void resourceScopesReadAsSentences() {
        assertThat(describe("patient/Observation.rs"))
                .isEqualTo("Read and search observations (such as vital signs and test results) in the patient's record");
        assertThat(describe("user/Patient.cruds"))
                .isEqualTo("Create, read, update, delete and search patient details that you have access to");
        assertThat(describe("system/*.read")).isEqualTo("Read and search all kinds of health data across the whole system");
        assertThat(describe("patient/Condition.write"))
                .isEqualTo("Create, update and delete conditions and problems in the patient's record");
        assertThat(describe("patient/Immunization.r")).isEqualTo("Read immunisations in the patient's record");
    }

    @Test
    void granularScopesSayWhatTheyAreLimitedTo() {
        assertThat(describe("patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs"))
                .isEqualTo("Read and search observations (such as vital signs and test results) in the patient's record"
                        + " (only where category is vital-signs)");
    }

    @Test
    void unknownTypesFallBackToTheirName() {
        assertThat(describe("patient/DiagnosticReport.rs"))
                .isEqualTo("Read and search DiagnosticReport resources in the patient's record");
    }

    @Test
    void namedScopesHavePlainWords() {
        assertThat(describe("openid")).isEqualTo("Confirm who you are when you sign in");
        assertThat(describe("offline_access")).isEqualTo("Keep access after you close the app, until you revoke it");
    }
}
