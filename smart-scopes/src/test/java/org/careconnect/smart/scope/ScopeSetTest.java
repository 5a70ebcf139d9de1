package org.careconnect.smart.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeSetTest {

    private static SmartScope scope(String value) {
        return ScopeParser.parse(value);
    }

    @Test
    void parseKeepsOrderAndDropsDuplicates() {
        ScopeSet set = ScopeSet.parse("  openid   fhirUser openid patient/Observation.rs ");

        assertThat(set.values()).containsExactly("openid", "fhirUser", "patient/Observation.rs");
        assertThat(set.toString()).isEqualTo("openid fhirUser patient/Observation.rs");
    }

    @Test
    void blankIsEmpty() {
        assertThat(ScopeSet.parse(null).isEmpty()).isTrue();
        assertThat(ScopeSet.parse("  ").isEmpty()).isTrue();
    }

    @Test
    void oneBadTokenRefusesTheSet() {
        assertThatThrownBy(() -> ScopeSet.parse("openid patient/Observation.sr"))
                .isInstanceOf(InvalidScopeException.class);
    }

    @Test
    void wildcardTypeImpliesEachType() {
        ScopeSet held = ScopeSet.parse("patient/*.read");

        assertThat(held.implies(scope("patient/Observation.rs"))).isTrue();
        assertThat(held.implies(scope("patient/Observation.r"))).isTrue();
        assertThat(held.implies(scope("patient/Observation.read"))).isTrue();
        assertThat(held.implies(scope("patient/Observation.rs?category=a|b"))).isTrue();
    }

    @Test
    void narrowerScopesDoNotImplyWiderOnes() {
        assertThat(ScopeSet.parse("patient/Observation.rs").implies(scope("patient/*.rs"))).isFalse();
        assertThat(ScopeSet.parse("patient/Observation.rs").implies(scope("patient/Observation.cruds"))).isFalse();
        assertThat(ScopeSet.parse("patient/Observation.read").implies(scope("patient/Observation.write"))).isFalse();
        assertThat(ScopeSet.parse("patient/Observation.rs?category=a|b").implies(scope("patient/Observation.rs")))
                .isFalse();
        assertThat(ScopeSet.parse("patient/Observation.rs?category=a|b").implies(scope("patient/Observation.rs?category=a|c")))
                .isFalse();
        assertThat(ScopeSet.parse("patient/Observation.rs?category=a|b").implies(scope("patient/Observation.rs?category=a|b")))
                .isTrue();
    }

    @Test
    void contextsNeverImplyEachOther() {
        assertThat(ScopeSet.parse("user/*.*").implies(scope("patient/Observation.rs"))).isFalse();
        assertThat(ScopeSet.parse("system/*.*").implies(scope("user/Observation.rs"))).isFalse();
        assertThat(ScopeSet.parse("patient/*.*").implies(scope("system/Observation.rs"))).isFalse();
    }

    @Test
    void namedAndCustomScopesImplyOnlyThemselves() {
        ScopeSet held = ScopeSet.parse("openid launch careconnect/launch");

        assertThat(held.implies(NamedScope.OPENID)).isTrue();
        assertThat(held.implies(NamedScope.LAUNCH_PATIENT)).isFalse();
        assertThat(held.implies(new CustomScope("careconnect/launch"))).isTrue();
        assertThat(held.implies(new CustomScope("careconnect/admin"))).isFalse();
    }

    @Test
    void negotiateKeepsOnlyWhatTheClientMayHave() {
        ScopeSet requested = ScopeSet.parse(
                "openid fhirUser launch/patient patient/Observation.rs patient/Condition.cruds system/*.rs offline_access");
        ScopeSet allowed = ScopeSet.parse("openid fhirUser launch/patient patient/*.read offline_access");

        assertThat(requested.negotiate(allowed).values())
                .containsExactly("openid", "fhirUser", "launch/patient", "patient/Observation.rs", "offline_access");
    }

    @Test
    void grantingFindsTheScopesThatAllowAnInteraction() {
        ScopeSet token = ScopeSet.parse(
                "patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs patient/Patient.r user/*.cruds");

        assertThat(token.granting(ScopeContext.PATIENT, "Observation", Permission.SEARCH))
                .extracting(ResourceScope::value)
                .containsExactly("patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs");
        assertThat(token.granting(ScopeContext.PATIENT, "Patient", Permission.SEARCH)).isEmpty();
        assertThat(token.granting(ScopeContext.PATIENT, "Condition", Permission.READ)).isEmpty();
        assertThat(token.granting(ScopeContext.USER, "Condition", Permission.DELETE)).hasSize(1);
    }

    @Test
    void ofParsesEachValue() {
        assertThat(ScopeSet.of(List.of("openid", "user/*.rs")).values()).containsExactly("openid", "user/*.rs");
    }

    @Test
    void setsWithTheSameScopesInTheSameOrderAreEqual() {
        assertThat(ScopeSet.parse("openid profile")).isEqualTo(ScopeSet.parse("openid  profile"));
        assertThat(ScopeSet.parse("openid profile")).isNotEqualTo(ScopeSet.parse("openid"));
    }
}
