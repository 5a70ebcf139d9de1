package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.scope.Permission;
import org.careconnect.smart.scope.ResourceScope;
import org.hl7.fhir.dstu3.model.IdType;

/**
 * What one verified token may do, worked out from its scopes once ({@link ScopeRules}), kept with
 * the token ({@link VerifiedTokens}) and put on every request that carries it by
 * {@link BearerTokenFilter}: HAPI's rule list, what it
 * grants on each served type, where its searches are narrowed, whether consent must filter. The
 * same answers as working them out again on each request, which was the largest part of the
 * enforcement's cost once tokens were remembered (docs/benchmarks.md, "Security overhead"). A pure
 * function of the {@link SmartAccess}: nothing here depends on the request, the clock or another
 * token.
 */
final class TokenPermissions {

  /** Servlet request attribute and HAPI user-data key under which a request's permissions are kept. */
  static final String KEY = TokenPermissions.class.getName();

  private final SmartAccess access;
  private final List<IAuthRule> rules;
  private final Map<String, TypeGrant> servedTypes;
  private final Map<String, List<String>> narrowing;
  private final boolean granular;
  private final String pagingBinding;

  /**
   * @param servedTypes what the token may do on each type the server serves
   * @param narrowing for each served type, the compartments the token's searches of it are
   *     narrowed to ({@link Confinement#compartmentsToNarrowTo}); empty for types outside the
   *     Patient compartment
   */
  TokenPermissions(SmartAccess access, List<IAuthRule> rules, Map<String, TypeGrant> servedTypes,
      Map<String, List<String>> narrowing) {
    this.access = access;
    this.rules = List.copyOf(rules);
    this.servedTypes = Map.copyOf(servedTypes);
    this.narrowing = Map.copyOf(narrowing);
    this.granular = access.scopes().resourceScopes().stream().anyMatch(ResourceScope::isGranular);
    this.pagingBinding = access.subject() + "\n" + access.clientId() + "\n" + access.patient();
  }

  /**
   * The permissions of the request's verified token; null without one (security off, or the open
   * CapabilityStatement). Read from HAPI's user data after the first call, which takes them from
   * the servlet request where {@link BearerTokenFilter} left them.
   */
  static TokenPermissions of(RequestDetails request) {
    Object permissions = request.getUserData().get(KEY);
    if (permissions == null && request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
      permissions = servlet.getServletRequest().getAttribute(KEY);
      if (permissions != null) {
        request.getUserData().put(KEY, permissions);
      }
    }
    return (TokenPermissions) permissions;
  }

  SmartAccess access() {
    return access;
  }

  /** HAPI's rules for this token; shared by its requests (HAPI's rules keep no state). */
  List<IAuthRule> rules() {
    return rules;
  }

  /** What the token may do on {@code type}; a type the server does not serve is worked out afresh. */
  TypeGrant on(String type) {
    TypeGrant grant = servedTypes.get(type);
    return grant != null ? grant : TypeGrant.of(access, type);
  }

  /** Whether some granted scope allows {@code needed} on {@code type} (see {@link TypeGrant#allows}). */
  boolean granted(String type, Permission needed, boolean incoming) {
    return on(type).allows(needed, incoming) || ownFhirUser(type, needed);
  }

  /** fhirclient reads the fhirUser resource with the access token (SMART App Launch 2.2 §fhirUser). */
  private boolean ownFhirUser(String type, Permission needed) {
    return needed == Permission.READ && access.fhirUser() != null
        && access.fhirUser().length() > type.length()
        && access.fhirUser().startsWith(type) && access.fhirUser().charAt(type.length()) == '/';
  }

  /** Whether the scope rules let this token read any resource of {@code type} (never AuditEvent). */
  boolean readableWithAnyId(String type) {
    TypeGrant grant = servedTypes.get(type);
    return grant != null && grant.readableWithAnyId();
  }

  /**
   * The owners of the Patient compartments in which a scope rule lets this token read {@code type}
   * (empty: none, or the type is read with any id or not served).
   */
  List<IdType> readableInCompartmentsOf(String type) {
    TypeGrant grant = servedTypes.get(type);
    return grant == null ? List.of() : grant.readableInCompartmentsOf();
  }

  /** The compartments a search of {@code type} is narrowed to (empty: none), or null for an unserved type. */
  List<String> narrowing(String type) {
    return narrowing.get(type);
  }

  /** Whether any scope carries a query, so that consent must look at what leaves. */
  boolean granular() {
    return granular;
  }

  /** Who a page link belongs to: the token's user, client and launch patient. */
  String pagingBinding() {
    return pagingBinding;
  }
}
