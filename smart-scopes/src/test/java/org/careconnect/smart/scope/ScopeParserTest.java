package org.careconnect.smart.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careconnect.smart.scope.Permission.CREATE;
import static org.careconnect.smart.scope.Permission.DELETE;
import static org.careconnect.smart.scope.Permission.READ;
import static org.careconnect.smart.scope.Permission.SEARCH;
import static org.careconnect.smart.scope.Permission.UPDATE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeParserTest {

    @Test
    void v1ReadMeansReadAndSearch() {
        ResourceScope scope = (ResourceScope) ScopeParser.parse("patient/Observation.read");

        assertThat(scope.context()).isEqualTo(ScopeContext.PATIENT);
        assertThat(scope.resourceType()).isEqualTo("Observation");
        assertThat(scope.permissions()).containsExactly(READ, SEARCH);
        assertThat(scope.version()).isEqualTo(ScopeVersion.V1);
        assertThat(scope.value()).isEqualTo("patient/Observation.read");
    }

    @Test
    void v1WriteMeansCreateUpdateDelete() {
        ResourceScope scope = (ResourceScope) ScopeParser.parse("patient/*.write");

        assertThat(scope.resourceType()).isEqualTo("*");
        assertThat(scope.permissions()).containsExactly(CREATE, UPDATE, DELETE);
    }

    @Test
    void v1StarMeansEverything() {
        ResourceScope scope = (ResourceScope) ScopeParser.parse("user/*.*");

        assertThat(scope.context()).isEqualTo(ScopeContext.USER);
        assertThat(scope.permissions()).containsExactly(CREATE, READ, UPDATE, DELETE, SEARCH);
    }

    @Test
    void v2LettersBecomePermissions() {
        ResourceScope scope = (ResourceScope) ScopeParser.parse("user/Patient.cruds");

        assertThat(scope.permissions()).containsExactly(CREATE, READ, UPDATE, DELETE, SEARCH);
        assertThat(scope.version()).isEqualTo(ScopeVersion.V2);
        assertThat(((ResourceScope) ScopeParser.parse("system/Observation.rs")).permissions())
                .containsExactly(READ, SEARCH);
        assertThat(((ResourceScope) ScopeParser.parse("patient/Observation.u")).permissions())
                .containsExactly(UPDATE);
    }

    @Test
    void granularScopeKeepsItsQuery() {
        ResourceScope scope = (ResourceScope) ScopeParser.parse(
                "patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs");

        assertThat(scope.isGranular()).isTrue();
        assertThat(scope.parameters())
                .isEqualTo(Map.of("category", List.of("http://hl7.org/fhir/observation-category|vital-signs")));
    }

    @Test
    void repeatedQueryParametersAreAllKept() {
        ResourceScope scope = (ResourceScope) ScopeParser.parse("patient/Observation.rs?category=a&code=b&category=c");

        assertThat(scope.parameters()).containsEntry("category", List.of("a", "c")).containsEntry("code", List.of("b"));
    }

    @Test
    void namedScopesAreRecognised() {
        assertThat(ScopeParser.parse("openid")).isEqualTo(NamedScope.OPENID);
        assertThat(ScopeParser.parse("fhirUser")).isEqualTo(NamedScope.FHIR_USER);
        assertThat(ScopeParser.parse("profile")).isEqualTo(NamedScope.PROFILE);
        assertThat(ScopeParser.parse("launch")).isEqualTo(NamedScope.LAUNCH);
        assertThat(ScopeParser.parse("launch/patient")).isEqualTo(NamedScope.LAUNCH_PATIENT);
        assertThat(ScopeParser.parse("launch/encounter")).isEqualTo(NamedScope.LAUNCH_ENCOUNTER);
        assertThat(ScopeParser.parse("offline_access")).isEqualTo(NamedScope.OFFLINE_ACCESS);
        assertThat(ScopeParser.parse("online_access")).isEqualTo(NamedScope.ONLINE_ACCESS);
    }

    @Test
    void otherTokensAreCustomScopes() {
        assertThat(ScopeParser.parse("careconnect/launch")).isEqualTo(new CustomScope("careconnect/launch"));
        assertThat(ScopeParser.parse("launch/other")).isEqualTo(new CustomScope("launch/other"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "patient/Observation.rsc",          // out of order
        "patient/Observation.rrs",          // repeated letter
        "patient/Observation.x",            // unknown letter
        "patient/Observation.",             // no permissions
        "patient/Observation",              // no permissions at all
        "patient/observation.rs",           // resource type must be capitalised
        "patient/Observation.read?code=x",  // v1 with a query
        "patient/Observation.rs?category",  // query part without a value
        "patient/Observation.rs?=x",        // query part without a name
        "patient/Observation.rs?a=1&",      // empty query part
        "user/.rs",                         // no resource type
        "system/Observation.Read",          // v1 words are lower case
        "patient/Obs-ervation.rs",          // not a type name
    })
    void malformedResourceScopesAreRefused(String scope) {
        assertThatThrownBy(() -> ScopeParser.parse(scope))
                .isInstanceOf(InvalidScopeException.class)
                .hasMessageStartingWith("Invalid scope '" + scope + "': ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "quote\"", "back\\slash", "caf\u00e9"})
    void nonScopeTokensAreRefused(String scope) {
        assertThatThrownBy(() -> ScopeParser.parse(scope))
                .isInstanceOf(InvalidScopeException.class)
                .hasMessageContaining("not an RFC 6749 scope-token");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> ScopeParser.parse(null)).isInstanceOf(InvalidScopeException.class);
    }
}
