package org.careconnect.smart.auth.authorize;

import java.util.Set;
import org.careconnect.smart.scope.ScopeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Scopes a user flow grants only when the user is an administrator (role ADMIN), however the
 * client is configured: {@code careconnect/audit}, the FHIR server's audit trail (AuditEvent),
 * which holds who read whose record. A client needs it among its allowed scopes too, and that is
 * itself restricted: dynamic registration never grants it, only an admin does
 * ({@code careconnect.registration.restricted-scopes}). Backend clients (client_credentials, no
 * user) get it when an admin allowed it to them. Dropped silently, like any scope the server does
 * not grant (SMART App Launch 2.2: the granted scopes may be fewer than the requested ones).
 */
final class AdminOnlyScopes {

  static final Set<String> SCOPES = Set.of("careconnect/audit");

  /** Spring's authority for the ADMIN role of {@code app_user.admin} (user/UserAccounts). */
  private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

  private AdminOnlyScopes() {}

  static ScopeSet forUser(ScopeSet negotiated, Object principal) {
    boolean admin = principal instanceof Authentication user && user.isAuthenticated()
        && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ADMIN_AUTHORITY::equals);
    return admin ? negotiated : negotiated.filter(scope -> !SCOPES.contains(scope.value()));
  }
}
