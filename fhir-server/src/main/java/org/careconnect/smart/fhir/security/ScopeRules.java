package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.careconnect.smart.scope.NamedScope;
import org.careconnect.smart.scope.Permission;
import org.careconnect.smart.scope.ResourceScope;
import org.hl7.fhir.dstu3.model.IdType;

/**
 * Where a scope becomes a rule: each resource scope of the token becomes HAPI rules for its
 * types, in its context's {@link Confinement}; nothing else is allowed (default deny). Which
 * permission letter an interaction needs is checked per interaction by
 * {@link SmartAuthorizationInterceptor}; here a scope opens its types for reading (r or s) and
 * for each kind of write (c, u, d).
 *
 * <p>Types outside the Patient compartment (HAPI's STU3 compartment definition: Practitioner,
 * PractitionerRole, Organization, Location, Medication): a confined read scope covering them
 * reads any of them (directory and formulary data, as SMART servers commonly do); a confined
 * token never writes them. See docs/security.md.
 */
final class ScopeRules {

  private final FhirContext fhirContext;
  private final Set<String> servedTypes;

  ScopeRules(FhirContext fhirContext, Set<String> servedTypes) {
    this.fhirContext = fhirContext;
    this.servedTypes = servedTypes;
  }

  /** For a request without a token: only the open CapabilityStatement got past the token filter. */
  static final List<IAuthRule> METADATA_ONLY = List.copyOf(
      new RuleBuilder().allow("metadata").metadata().andThen().denyAll("a token is required").build());

  /** Everything the token may do, worked out once for all its requests ({@link TokenPermissions}). */
  TokenPermissions permissionsFor(SmartAccess access) {
    ReadRules readRules = new ReadRules();
    List<IAuthRule> rules = rulesFor(access, readRules);
    // the audit trail is decided by AuditScope alone, never by a resource scope's rule
    readRules.anyId.remove(AuditScope.RESOURCE_TYPE);
    readRules.compartments.remove(AuditScope.RESOURCE_TYPE);
    Map<String, TypeGrant> grants = new HashMap<>();
    Map<String, List<String>> narrowing = new HashMap<>();
    for (String type : servedTypes) {
      grants.put(type, TypeGrant.of(access, type, readRules.anyId.contains(type),
          List.copyOf(readRules.compartments.getOrDefault(type, Set.of()))));
      narrowing.put(type, isInPatientCompartment(type) ? Confinement.compartmentsToNarrowTo(access, type) : List.of());
    }
    return new TokenPermissions(access, rules, grants, narrowing);
  }

  /**
   * The read rules added for a token, recorded by the code that adds them so that the shortcuts
   * built on them ({@link SmartAuthorizationInterceptor}) cannot disagree with the rules.
   */
  private static final class ReadRules {
    /** Types a rule lets the token read whatever compartment their resources belong to. */
    final Set<String> anyId = new HashSet<>();
    /** For each type, the owners of the Patient compartments in which a rule lets the token read it. */
    final Map<String, Set<IdType>> compartments = new HashMap<>();
  }

  /**
   * HAPI's rules for the token: allow rules, then deny everything else. {@code readRules}
   * receives what each read rule allows.
   */
  private List<IAuthRule> rulesFor(SmartAccess access, ReadRules readRules) {
    RuleBuilder rules = new RuleBuilder();
    rules.allow("metadata").metadata();
    rules.allow("transaction entries, each by the rules below").transaction().withAnyOperation().andApplyNormalRules();
    // fhirclient reads the fhirUser resource with the access token (SMART App Launch 2.2 §fhirUser).
    if (access.fhirUser() != null
        && (access.scopes().contains(NamedScope.FHIR_USER) || access.scopes().contains(NamedScope.OPENID))) {
      rules.allow("own fhirUser " + access.fhirUser()).read().instance(new IdType(access.fhirUser()));
    }
    for (ResourceScope scope : access.scopes().resourceScopes()) {
      Confinement confinement = Confinement.of(scope.context(), access);
      if (!confinement.granted()) {
        continue;
      }
      for (String type : typesOf(scope)) {
        String name = scope.value() + " on " + type;
        if (scope.permissions().contains(Permission.READ) || scope.permissions().contains(Permission.SEARCH)) {
          switch (add(rules, name, type, confinement, true, b -> b.allow(name).read())) {
            case ANY_ID -> readRules.anyId.add(type);
            case COMPARTMENT -> readRules.compartments.computeIfAbsent(type, t -> new LinkedHashSet<>())
                .add(compartmentOwner(confinement));
            case NONE -> { }
          }
          if (type.equals("Patient")) {
            everything(rules, name, confinement);
          }
        }
        if (scope.permissions().contains(Permission.CREATE)) {
          add(rules, name, type, confinement, false, b -> b.allow(name).create());
        }
        if (scope.permissions().contains(Permission.UPDATE)) {
          add(rules, name, type, confinement, false, b -> b.allow(name).write());
        }
        if (scope.permissions().contains(Permission.DELETE)) {
          add(rules, name, type, confinement, false, b -> b.allow(name).delete());
        }
      }
    }
    rules.denyAll("no granted scope allows this");
    return rules.build();
  }

  /** What a rule added by {@link #add} allows. */
  private enum Reach { NONE, COMPARTMENT, ANY_ID }

  /** Adds the rule, if the confinement allows one, and says what it allows. */
  private Reach add(RuleBuilder rules, String name, String type, Confinement confinement, boolean read,
      Function<RuleBuilder, IAuthRuleBuilderRuleOp> start) {
    boolean inCompartment = isInPatientCompartment(type);
    if (confinement.confined() && !inCompartment && !read) {
      return Reach.NONE;
    }
    var types = start.apply(rules).resourcesOfType(type);
    if (confinement.confined() && inCompartment) {
      types.inCompartment("Patient", compartmentOwner(confinement)).andThen();
      return Reach.COMPARTMENT;
    }
    types.withAnyId().andThen();
    return Reach.ANY_ID;
  }

  private static IdType compartmentOwner(Confinement confinement) {
    return new IdType("Patient", confinement.patient());
  }

  /** {@code Patient/[id]/$everything}; every resource it returns is checked by the read rules. */
  private static void everything(RuleBuilder rules, String name, Confinement confinement) {
    var operation = rules.allow(name).operation().named("$everything");
    var scoped = confinement.confined()
        ? operation.onInstance(new IdType("Patient", confinement.patient()))
        : operation.onInstancesOfType(org.hl7.fhir.dstu3.model.Patient.class);
    scoped.andRequireExplicitResponseAuthorization().andThen();
  }

  private List<String> typesOf(ResourceScope scope) {
    return ResourceScope.ALL_TYPES.equals(scope.resourceType())
        ? servedTypes.stream().sorted().toList()
        : servedTypes.contains(scope.resourceType()) ? List.of(scope.resourceType()) : List.of();
  }

  boolean isInPatientCompartment(String type) {
    return !fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty()
        || "Patient".equals(type);
  }
}
