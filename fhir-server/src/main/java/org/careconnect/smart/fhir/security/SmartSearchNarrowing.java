package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import java.util.List;

/**
 * Narrows the searches of a compartment-confined token to its compartment (HAPI's
 * SearchNarrowingInterceptor): {@code Observation?code=x} becomes
 * {@code Observation?code=x&patient=<id>}, also in transaction entries and conditional URLs, so a
 * patient's search finds the patient's resources instead of failing on someone else's. A token
 * with any unconfined scope for the type (a clinician's {@code user/} scope) is not narrowed.
 * The compartments of each served type are worked out once per token ({@link TokenPermissions}).
 * Its hooks are called by {@link SmartEnforcementHooks}.
 */
@Interceptor
class SmartSearchNarrowing extends SearchNarrowingInterceptor {

  private final ScopeRules scopeRules;

  SmartSearchNarrowing(ScopeRules scopeRules) {
    this.scopeRules = scopeRules;
    setNarrowConditionalUrls(true);
  }

  @Override
  protected AuthorizedList buildAuthorizedList(RequestDetails request) {
    TokenPermissions token = TokenPermissions.of(request);
    String type = request.getResourceName();
    if (token == null || type == null) {
      return null;
    }
    List<String> compartments = token.narrowing(type);
    if (compartments == null) { // a type the server does not serve
      compartments = scopeRules.isInPatientCompartment(type)
          ? Confinement.compartmentsToNarrowTo(token.access(), type) : List.of();
    }
    if (compartments.isEmpty()) {
      return null;
    }
    AuthorizedList list = new AuthorizedList();
    compartments.forEach(list::addCompartment);
    return list;
  }
}
