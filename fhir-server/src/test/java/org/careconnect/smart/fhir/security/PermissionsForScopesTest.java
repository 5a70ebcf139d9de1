package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Set;
import org.careconnect.smart.scope.Permission;
import org.careconnect.smart.scope.ScopeSet;
import org.junit.jupiter.api.Test;

/** A token's permissions, worked out from its scopes, say what the rules say. */
class PermissionsForScopesTest {

  static final Set<String> SERVED = Set.of("Patient", "Observation", "Practitioner", "AuditEvent");

  final ScopeRules rules = new ScopeRules(FhirContext.forDstu3Cached(), SERVED);



  @Test
  void otherAccessWhenScopesDifferThenNothingOfTheFirstCarriesOver() {
    TokenPermissions everything = rules.permissionsFor(access("system/*.rs", null));
    TokenPermissions ownObservations = rules.permissionsFor(access("patient/Observation.rs", "pat-1"));

    assertThat(everything.granted("Patient", Permission.READ, true)).isTrue();
    assertThat(ownObservations.granted("Patient", Permission.READ, true)).isFalse();
    assertThat(ownObservations.granted("Observation", Permission.SEARCH, true)).isTrue();
    assertThat(ownObservations.granted("Observation", Permission.CREATE, true)).isFalse();
    assertThat(everything.readableWithAnyId("Observation")).isTrue();
    assertThat(ownObservations.readableWithAnyId("Observation")).isFalse();
    assertThat(everything.narrowing("Observation")).isEmpty();
    assertThat(ownObservations.narrowing("Observation")).containsExactly("Patient/pat-1");
    assertThat(everything.rules()).isNotSameAs(ownObservations.rules()).hasSizeGreaterThan(ownObservations.rules().size());
  }

  @Test
  void confinedTokenWhenTypeOutsideTheCompartmentThenReadableWithAnyIdButNotNarrowed() {
    TokenPermissions patient = rules.permissionsFor(access("patient/*.rs", "pat-1"));

    assertThat(patient.readableWithAnyId("Practitioner")).isTrue();
    assertThat(patient.narrowing("Practitioner")).isEmpty();
    assertThat(patient.readableWithAnyId("Patient")).isFalse();
    assertThat(patient.narrowing("Patient")).containsExactly("Patient/pat-1");
  }

  @Test
  void auditEventWhenEvenSystemWideScopeThenNeverReadableWithAnyId() {
    TokenPermissions system = rules.permissionsFor(access("system/*.*", null));

    assertThat(system.readableWithAnyId("AuditEvent")).isFalse();
    assertThat(system.readableWithAnyId("Patient")).isTrue();
  }

  @Test
  void unservedTypeWhenWildcardScopeThenGrantedButNotReadableWithAnyId() {
    TokenPermissions system = rules.permissionsFor(access("system/*.rs", null));

    assertThat(system.granted("Condition", Permission.READ, true)).isTrue();
    assertThat(system.readableWithAnyId("Condition")).isFalse(); // no rule for it: HAPI decides (deny)
    assertThat(system.narrowing("Condition")).isNull();
  }

  @Test
  void granularScopeWhenTheOnlyReaderThenFiltersAndOtherwiseNot() {
    TokenPermissions vitalsOnly = rules.permissionsFor(access(
        "patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs", "pat-1"));
    TokenPermissions vitalsAndAll = rules.permissionsFor(access(
        "patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs patient/Observation.rs",
        "pat-1"));

    assertThat(vitalsOnly.granular()).isTrue();
    assertThat(vitalsOnly.on("Observation").granularReading()).hasSize(1);
    assertThat(vitalsAndAll.granular()).isTrue();
    assertThat(vitalsAndAll.on("Observation").granularReading()).isEmpty();
  }


  static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  private static SmartAccess access(String scopes, String patient) {
    return new SmartAccess("jti", "app", "user", null, patient, null, ScopeSet.parse(scopes), EXPIRY);
  }
}
