package org.careconnect.smart.fhir.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.careconnect.smart.scope.Permission;
import org.careconnect.smart.scope.ResourceScope;
import org.hl7.fhir.dstu3.model.IdType;

/**
 * What one token's scopes grant on one resource type, from the scopes whose context reaches
 * anything for this token ({@link Confinement#granted()}).
 *
 * @param permissions every letter some such scope grants on the type
 * @param readableWithAnyId the scope rules let the token read any resource of the type, wherever
 *     it belongs (an unconfined read scope, or a confined one on a type outside the Patient
 *     compartment); false for types the server does not serve, which have no rules
 * @param readableInCompartmentsOf the owners ({@code Patient/id}) of the Patient compartments in
 *     which a scope rule lets the token read resources of the type (a confined read scope on a
 *     type of the Patient compartment); empty for types the server does not serve
 * @param granularReading the scopes reading the type when each of them is granular, so that a
 *     resource of the type leaves only if it matches one of their queries; empty when nothing
 *     filters the type's resources (no reading scope, or one without a query)
 */
record TypeGrant(Set<Permission> permissions, boolean readableWithAnyId, List<IdType> readableInCompartmentsOf,
    List<ResourceScope> granularReading) {

  /** A type the server does not serve: no rules read it. */
  static TypeGrant of(SmartAccess access, String type) {
    return of(access, type, false, List.of());
  }

  static TypeGrant of(SmartAccess access, String type, boolean readableWithAnyId, List<IdType> readableInCompartmentsOf) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    List<ResourceScope> reading = new ArrayList<>();
    for (ResourceScope scope : access.scopes().resourceScopes()) {
      if (!scope.coversType(type) || !Confinement.of(scope.context(), access).granted()) {
        continue;
      }
      permissions.addAll(scope.permissions());
      if (scope.permissions().contains(Permission.READ) || scope.permissions().contains(Permission.SEARCH)) {
        reading.add(scope);
      }
    }
    boolean filtered = !reading.isEmpty() && reading.stream().allMatch(ResourceScope::isGranular);
    return new TypeGrant(Set.copyOf(permissions), readableWithAnyId, List.copyOf(readableInCompartmentsOf),
        filtered ? List.copyOf(reading) : List.of());
  }

  /**
   * The letter an interaction needs, checked on the way in on the requested type; the resources
   * going out (a search's includes, a history's versions) need read or search.
   */
  boolean allows(Permission needed, boolean incoming) {
    if (!incoming && (needed == Permission.READ || needed == Permission.SEARCH)) {
      return permissions.contains(Permission.READ) || permissions.contains(Permission.SEARCH);
    }
    return permissions.contains(needed);
  }
}
