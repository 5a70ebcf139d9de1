package org.careconnect.smart.auth.registration;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.careconnect.smart.scope.CustomScope;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ResourceScope;
import org.careconnect.smart.scope.ScopeContext;
import org.careconnect.smart.scope.ScopeSet;
import org.careconnect.smart.scope.SmartScope;

/**
 * Splits the scopes a client registers with into those it is allowed at once and those waiting
 * for an administrator. Self-registration must not hand out access to the whole system: every
 * {@code system/} scope (SMART 2.2 §backend services) and the configured custom scopes (e.g. the
 * EHR launch API's) are restricted. A restricted scope an admin already granted stays granted
 * when the client updates its registration (RFC 7592 §2.2) and still asks for it.
 */
final class RestrictedScopes {

  private final Set<String> restrictedCustomScopes;

  RestrictedScopes(List<String> restrictedCustomScopes) {
    this.restrictedCustomScopes = Set.copyOf(restrictedCustomScopes);
  }

  /**
   * @param scope the {@code scope} metadata (space separated), may be null
   * @param alreadyGranted the client's current scopes (empty for a new client)
   */
  Split split(String scope, Set<String> alreadyGranted) {
    ScopeSet requested;
    try {
      requested = ScopeSet.parse(scope);
    } catch (InvalidScopeException e) {
      throw RegistrationException.invalidMetadata(e.getMessage());
    }
    Set<String> granted = new LinkedHashSet<>();
    Set<String> pending = new LinkedHashSet<>();
    for (SmartScope each : requested.scopes()) {
      if (each instanceof CustomScope && !restrictedCustomScopes.contains(each.value())) {
        throw RegistrationException.invalidMetadata("unknown scope " + each.value());
      }
      if (!isRestricted(each) || alreadyGranted.contains(each.value())) {
        granted.add(each.value());
      } else {
        pending.add(each.value());
      }
    }
    return new Split(Collections.unmodifiableSet(granted), Collections.unmodifiableSet(pending));
  }

  private boolean isRestricted(SmartScope scope) {
    return (scope instanceof ResourceScope resource && resource.context() == ScopeContext.SYSTEM)
        || restrictedCustomScopes.contains(scope.value());
  }

  /** @param granted allowed now; @param pending asked for, waiting for an administrator */
  record Split(Set<String> granted, Set<String> pending) {}
}
