package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationFlagsEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.fhir.support.Variant;
import org.careconnect.smart.scope.Permission;
import org.careconnect.smart.scope.ScopeSet;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Medication;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The shortcut for resources going out of reads and searches gives HAPI's answer: on every
 * fixture of every served type, for patient tokens of two patients, a type-confined patient token
 * and a system token, it allows exactly what HAPI's rules for the same token allow on the types
 * the token reads, and nothing on the others (which the permission letter refuses first).
 */
class ReadRuleShortcutTest {

  final FhirContext fhir = FhirContext.forDstu3Cached();
  final Set<String> served = Fixture.all().stream().map(Fixture::type).collect(Collectors.toSet());
  final ScopeRules rules = new ScopeRules(fhir, served);
  final Variant mine = Variant.a();
  final Variant theirs = Variant.b();
  final ReadRuleShortcut shortcut = new ReadRuleShortcut(fhir);

  @Test
  void everyFixtureWhenAnyTokenThenShortcutAllowsWhatHapisRulesAllow() {
    TokenPermissions[] tokens = {
      patientToken(mine, "patient/*.rs"),
      patientToken(theirs, "patient/*.rs"),
      patientToken(mine, "patient/Observation.rs patient/Patient.r"),
      permissions("system/*.rs", null),
    };
    int allowedByTheShortcut = 0;
    int refusedByBoth = 0;
    for (TokenPermissions token : tokens) {
      for (Fixture fixture : Fixture.all()) {
        for (Variant variant : new Variant[] {mine, theirs}) {
          Resource resource = fixture.build(variant);
          String type = resource.fhirType();
          boolean byShortcut = shortcut.allows(token, type, resource);
          boolean reads = token.granted(type, Permission.READ, false);
          String what = fixture.name() + " of " + variant.key() + " for " + token.access().scopes();
          if (reads) {
            assertThat(byShortcut).as(what).isEqualTo(hapiAllows(token, resource));
          } else {
            assertThat(byShortcut).as(what).isFalse();
          }
          allowedByTheShortcut += byShortcut ? 1 : 0;
          refusedByBoth += reads && !byShortcut ? 1 : 0;
        }
      }
    }
    // neither side of the comparison is empty: the shortcut allows some and HAPI refuses some
    assertThat(allowedByTheShortcut).isGreaterThan(Fixture.all().size());
    assertThat(refusedByBoth).isGreaterThan(Fixture.all().size() / 2);
  }

  @Test
  void observationWhenInTheTokensCompartmentThenAllowedElseNot() {
    TokenPermissions minePatient = patientToken(mine, "patient/*.rs");
    TokenPermissions theirPatient = patientToken(theirs, "patient/*.rs");
    Observation own = observation(mine.ref("Patient"));
    Observation asPerformer = observation(null).addPerformer(new Reference(mine.ref("Patient")));
    Observation another = observation(theirs.ref("Patient"));
    Observation nobodys = observation(null);

    assertThat(allows(minePatient, own)).isTrue();
    // whether a performer puts it in the compartment is HAPI's STU3 definition's affair
    assertThat(allows(minePatient, asPerformer)).isEqualTo(hapiAllows(minePatient, asPerformer));
    assertThat(allows(minePatient, another)).isFalse();
    assertThat(allows(minePatient, nobodys)).isFalse();
    assertThat(allows(theirPatient, own)).isFalse();
    assertThat(allows(theirPatient, another)).isTrue();
  }

  @Test
  void compartmentMembershipWhenAnyFixtureThenTheTersersAnswer() {
    PatientCompartment compartment = new PatientCompartment(fhir);
    int members = 0;
    for (Fixture fixture : Fixture.all()) {
      for (Variant variant : new Variant[] {mine, theirs}) {
        Resource resource = fixture.build(variant);
        for (Variant owner : new Variant[] {mine, theirs}) {
          IdType id = new IdType(owner.ref("Patient"));
          members += asTheTerserDecides(compartment, resource, id, fixture.name() + " of " + variant.key()) ? 1 : 0;
        }
      }
    }
    assertThat(members).isGreaterThan(Fixture.all().size() / 2);
  }

  @Test
  void compartmentMembershipWhenReferenceAbsoluteOrVersionedThenAsTheTerserDecides() {
    PatientCompartment compartment = new PatientCompartment(fhir);
    IdType[] owners = {new IdType("Patient", "p1"), new IdType("Patient/p1"), new IdType("Patient/p1/_history/2"),
        new IdType("http://here.example/fhir/Patient/p1/_history/2")};
    String[] references = {"Patient/p1", "http://elsewhere.example/fhir/Patient/p1",
        "Patient/p1/_history/3", "Patient/p10", "Group/p1", "p1", "#p1", "", "Patient/p1/",
        "Patient//p1", "Patient/p1 ", " Patient/p1", "patient/p1", "Patient/P1", "urn:uuid:p1",
        "Patient/p1?x=1", "Patient/p1/_history", "Patient/p1/_history/", "Patient/p2/_history/Patient/p1",
        "http://elsewhere.example/fhir/Patient/p1/_history/3", "Patient/p1#x", "PatientPatient/p1",
        "Patient/p1/Patient/p1", "Group/x/Patient/p1", "Patient/_history/p1"};
    int members = membersAsTheTerserDecides(compartment, owners, references, this::observation);
    assertThat(members).isGreaterThanOrEqualTo(6);
    IdType owner = new IdType("Patient", "p1");
    Observation byResourceOnly = observation(null);
    byResourceOnly.getSubject().setResource(new org.hl7.fhir.dstu3.model.Patient().setId("Patient/p1"));
    assertThat(compartment.contains("Observation", byResourceOnly, owner)).isFalse(); // left to HAPI's rules
  }

  /** The owner itself is in its compartment, whatever form its id and the owner's take. */
  @Test
  void compartmentMembershipWhenThePatientItselfThenAsTheTerserDecides() {
    PatientCompartment compartment = new PatientCompartment(fhir);
    IdType[] owners = {new IdType("Patient", "p1"), new IdType("Patient/p1"), new IdType("Patient/p1/_history/2"),
        new IdType("http://here.example/fhir/Patient/p1")};
    String[] ids = {"p1", "p10", "1", "Patient/p1", "Patient/p1/_history/3", "Group/p1",
        "http://elsewhere.example/fhir/Patient/p1", "P1", "xp1", "Patient/xp1"};
    int members = membersAsTheTerserDecides(compartment, owners, ids,
        id -> new org.hl7.fhir.dstu3.model.Patient().setId(id));
    assertThat(members).isGreaterThanOrEqualTo(8);
  }

  @Test
  void observationWhenItsIdNamesAnotherTypeThenNotAllowed() {
    Observation mislabelled = observation(mine.ref("Patient"));
    mislabelled.setId("Patient/" + mine.id("patient"));

    assertThat(allows(patientToken(mine, "patient/*.rs"), mislabelled)).isFalse();
  }

  @Test
  void typeOutsideThePatientCompartmentWhenConfinedReadScopeThenAllowed() {
    Medication medication = new Medication();
    medication.setId("Medication/m1");

    assertThat(allows(patientToken(mine, "patient/*.rs"), medication)).isTrue();
    assertThat(allows(patientToken(mine, "patient/Observation.rs"), medication)).isFalse();
  }

  /**
   * For every owner and every text, the resource {@code resourceOf} makes of the text checked as
   * the terser checks it ({@link #asTheTerserDecides}); how many pairs were members.
   */
  private int membersAsTheTerserDecides(PatientCompartment compartment, IdType[] owners, String[] texts,
      Function<String, Resource> resourceOf) {
    int members = 0;
    for (IdType owner : owners) {
      for (String text : texts) {
        members += asTheTerserDecides(compartment, resourceOf.apply(text), owner, text) ? 1 : 0;
      }
    }
    return members;
  }

  private boolean allows(TokenPermissions token, Resource resource) {
    return shortcut.allows(token, resource.fhirType(), resource);
  }

  /** HAPI's answer for a resource going out of a search: its rules for the token, nothing of ours. */
  private boolean hapiAllows(TokenPermissions token, Resource resource) {
    AuthorizationInterceptor hapi = new AuthorizationInterceptor(PolicyEnum.DENY) {
      @Override
      public java.util.List<ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule> buildRuleList(
          ca.uhn.fhir.rest.api.server.RequestDetails request) {
        return token.rules();
      }
    };
    hapi.setFlags(AuthorizationFlagsEnum.DO_NOT_PROACTIVELY_BLOCK_COMPARTMENT_READ_ACCESS);
    ServletRequestDetails request = new ServletRequestDetails();
    request.setServer(new RestfulServer(fhir));
    request.setRestOperationType(RestOperationTypeEnum.SEARCH_TYPE);
    request.setResourceName(resource.fhirType());
    AuthorizationInterceptor.Verdict verdict = hapi.applyRulesAndReturnDecision(RestOperationTypeEnum.SEARCH_TYPE,
        request, null, null, resource, Pointcut.SERVER_OUTGOING_RESPONSE);
    return verdict != null && verdict.getDecision() == PolicyEnum.ALLOW;
  }

  private Observation observation(String subject) {
    Observation observation = new Observation();
    observation.setId("Observation/o-" + (subject == null ? "none" : subject.replace('/', '-')));
    if (subject != null) {
      observation.setSubject(new Reference(subject));
    }
    return observation;
  }

  /** Asserts that the compartment check answers as HAPI's terser; whether the resource is in the compartment. */
  private boolean asTheTerserDecides(PatientCompartment compartment, Resource resource, IdType owner, String what) {
    boolean hapi = fhir.newTerser().isSourceInCompartmentForTarget("Patient", resource, owner);
    assertThat(compartment.contains(resource.fhirType(), resource, owner)).as(what + " in " + owner.getValue())
        .isEqualTo(hapi);
    return hapi;
  }

  private TokenPermissions patientToken(Variant patient, String scopes) {
    return permissions(scopes, patient.id("patient"));
  }

  private TokenPermissions permissions(String scopes, String patient) {
    return rules.permissionsFor(new SmartAccess("jti", "app", "client", null, patient, null, ScopeSet.parse(scopes),
        Instant.now().plusSeconds(300)));
  }
}
