package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.careconnect.smart.fhir.search.IndexValues;
import org.careconnect.smart.fhir.search.SearchParameter;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.store.SearchParamType;
import org.careconnect.smart.fhir.store.SearchValue;
import org.careconnect.smart.scope.ResourceScope;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Granular v2 scopes (SMART App Launch 2.2 §finer-grained resource constraints): a resource
 * whose type the token reaches only through scopes with a query, such as
 * {@code patient/Observation.rs?category=http://hl7.org/fhir/observation-category|vital-signs},
 * leaves the server only if it matches the query of one of them. Checked on every resource of
 * every response (HAPI's ConsentInterceptor walks nested Bundles too), so no search, include,
 * page, history or {@code $everything} shows a laboratory result to a vital-signs token; a
 * rejected resource is replaced by an OperationOutcome and totals are removed.
 *
 * <p>Token parameters are matched (the form SMART's examples use); a query on any other kind of
 * parameter matches nothing, so an unsupported query never widens access.
 */
class GranularScopeConsent implements IConsentService {

  private final SearchParameterRegistry registry;

  GranularScopeConsent(SearchParameterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices context) {
    TokenPermissions token = TokenPermissions.of(request);
    return token != null && token.granular() ? ConsentOutcome.PROCEED : ConsentOutcome.AUTHORIZED;
  }

  @Override
  public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices context) {
    if (resource instanceof IBaseBundle || resource instanceof IBaseOperationOutcome) {
      return ConsentOutcome.PROCEED;
    }
    TokenPermissions token = TokenPermissions.of(request);
    if (token == null) {
      return ConsentOutcome.PROCEED;
    }
    String type = request.getFhirContext().getResourceType(resource);
    // only scopes with a query filter: none reading the type, or one reading it whole, lets it pass
    List<ResourceScope> filtering = token.on(type).granularReading();
    if (filtering.isEmpty() || filtering.stream().anyMatch(scope -> matches(type, resource, scope.parameters()))) {
      return ConsentOutcome.PROCEED;
    }
    return ConsentOutcome.REJECT;
  }

  private boolean matches(String type, IBaseResource resource, Map<String, List<String>> query) {
    if (!registry.knows(type)) {
      return false;
    }
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      Optional<? extends SearchParameter<?>> declared = registry.of(type).get(parameter.getKey());
      if (declared.isEmpty() || declared.get().type() != SearchParamType.TOKEN
          || !anyValueMatches(declared.get(), resource, parameter.getValue())) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean anyValueMatches(SearchParameter<?> parameter, IBaseResource resource, List<String> values) {
    Collection<? extends Base> elements = (Collection<? extends Base>) ((Function) parameter.path()).apply(resource);
    for (Base element : elements) {
      for (SearchValue.Token token : IndexValues.tokens(element)) {
        for (String value : values) {
          for (String alternative : value.split(",")) {
            if (tokenMatches(alternative, token)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** {@code system|code}, {@code |code} (no system) or {@code code} (any system); FHIR STU3 §3.1.1.4.7. */
  private static boolean tokenMatches(String wanted, SearchValue.Token actual) {
    int bar = wanted.indexOf('|');
    if (bar < 0) {
      return wanted.equals(actual.code());
    }
    String system = wanted.substring(0, bar);
    String code = wanted.substring(bar + 1);
    boolean systemMatches = system.isEmpty() ? actual.system() == null || actual.system().isEmpty()
        : system.equals(actual.system());
    return systemMatches && (code.isEmpty() || code.equals(actual.code()));
  }
}
