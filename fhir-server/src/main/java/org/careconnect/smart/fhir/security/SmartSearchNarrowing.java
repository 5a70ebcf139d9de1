package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import java.util.Set;
import java.util.TreeSet;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;

/**
 * Narrows the searches of a compartment-confined token to its compartment (HAPI's
 * SearchNarrowingInterceptor): {@code Observation?code=x} becomes
 * {@code Observation?code=x&patient=<id>}, also in transaction entries and conditional URLs, so a
 * patient's search finds the patient's resources instead of failing on someone else's. A token
 * with any unconfined scope for the type (a clinician's {@code user/} scope) is not narrowed.
 */
@Interceptor
class SmartSearchNarrowing extends SearchNarrowingInterceptor implements FhirServerInterceptor {

  private final ScopeRules scopeRules;

  SmartSearchNarrowing(ScopeRules scopeRules) {
    this.scopeRules = scopeRules;
    setNarrowConditionalUrls(true);
  }

  @Override
  protected AuthorizedList buildAuthorizedList(RequestDetails request) {
    SmartAccess access = SmartAccess.of(request).orElse(null);
    String type = request.getResourceName();
    if (access == null || type == null || !scopeRules.isInPatientCompartment(type)) {
      return null;
    }
    Set<String> patients = new TreeSet<>();
    for (var scope : access.scopes().resourceScopes()) {
      Confinement confinement = Confinement.of(scope.context(), access);
      if (!confinement.granted() || !scope.coversType(type)) {
        continue;
      }
      if (!confinement.confined()) {
        return null;
      }
      patients.add(confinement.patient());
    }
    AuthorizedList list = new AuthorizedList();
    patients.forEach(patient -> list.addCompartment("Patient/" + patient));
    return patients.isEmpty() ? null : list;
  }

  /** Puts the token's access on HAPI's request early, for every interceptor after this one. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean bindAccess(RequestDetails request) {
    SmartAccess.of(request);
    return true;
  }
}
