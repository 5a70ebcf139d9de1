package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.scope.ScopeSet;
import org.junit.jupiter.api.Test;

/**
 * The narrowing shortcut gives HAPI's answer: for every served type, for tokens not narrowed, narrowed
 * to one patient's compartment, confined to some types, and a patient user with a patient launch
 * (two compartments), and for queries naming no compartment parameter, the primary one, a synonym,
 * another compartment parameter, a modifier, {@code _id}, someone else's patient, the search's
 * parameters come out exactly as from HAPI's own SearchNarrowingInterceptor, or both refuse it.
 */
class SmartSearchNarrowingTest {

  final FhirContext fhir = FhirContext.forDstu3Cached();
  final Set<String> served = Fixture.all().stream().map(Fixture::type).collect(Collectors.toSet());
  final ScopeRules rules = new ScopeRules(fhir, served);
  final SmartSearchNarrowing narrowing = new SmartSearchNarrowing(rules, fhir);
  /** HAPI's narrowing alone, told the same compartments. */
  final SearchNarrowingInterceptor hapi = new SearchNarrowingInterceptor() {
    @Override
    protected AuthorizedList buildAuthorizedList(RequestDetails request) {
      return narrowing.buildAuthorizedList(request);
    }
  };

  @Test
  void everyTypeWhenAnyTokenAndQueryThenHapisParameters() {
    TokenPermissions[] tokens = {
      permissions("patient/*.rs", "p1", null),
      permissions("patient/Observation.rs patient/Patient.r", "p1", null),
      permissions("system/*.rs", null, null),
      permissions("patient/*.rs user/*.rs", "p1", "Patient/p2"),
    };
    List<Map<String, String[]>> queries = List.of(
        Map.of(),
        Map.of("category", new String[] {"vital-signs"}),
        Map.of("patient", new String[] {"Patient/p1"}),
        Map.of("patient", new String[] {"p1,p9"}),
        Map.of("patient", new String[] {"Patient/p9"}),
        Map.of("subject", new String[] {"Patient/p1"}),
        Map.of("subject", new String[] {"Patient/p9"}),
        Map.of("performer", new String[] {"Patient/p9"}),
        Map.of("patient:Patient", new String[] {"p9"}),
        Map.of("_id", new String[] {"p1"}),
        Map.of("_id", new String[] {"p9"}),
        Map.of("code", new String[] {"a,b"}, "_count", new String[] {"20"}));
    int narrowed = 0;
    int refused = 0;
    for (TokenPermissions token : tokens) {
      for (String type : Stream.concat(served.stream(), Stream.of("Group")).sorted().toList()) {
        for (Map<String, String[]> query : queries) {
          String what = type + "?" + printed(query) + " for " + token.access().scopes();
          String ours = outcome(type, query, token, true);
          String theirs = outcome(type, query, token, false);
          assertThat(ours).as(what).isEqualTo(theirs);
          boolean refusal = ours.toString().startsWith("refused: ");
          narrowed += !refusal && !ours.equals(printed(query)) ? 1 : 0;
          refused += refusal ? 1 : 0;
        }
      }
    }
    // both kinds of answer are covered: searches narrowed and searches refused
    assertThat(narrowed).isGreaterThan(served.size());
    assertThat(refused).isGreaterThan(served.size() / 2);
  }

  @Test
  void observationSearchWhenPatientTokenThenPatientParameterAdded() {
    TokenPermissions token = permissions("patient/*.rs", "p1", null);
    assertThat(outcome("Observation", Map.of("category", new String[] {"vital-signs"}), token, true))
        .isEqualTo("category=vital-signs&patient=Patient/p1");
    assertThat(outcome("Patient", Map.of(), token, true)).isEqualTo("_id=Patient/p1");
    assertThat(outcome("Observation", Map.of("patient", new String[] {"Patient/p9"}), token, true))
        .isEqualTo("refused: HAPI-2026: Value not permitted for parameter patient");
  }

  /** The search's parameters after narrowing, printed, or why it was refused. */
  private String outcome(String type, Map<String, String[]> query, TokenPermissions token, boolean ours) {
    ServletRequestDetails request = new ServletRequestDetails();
    request.setServer(new RestfulServer(fhir));
    request.setRestOperationType(RestOperationTypeEnum.SEARCH_TYPE);
    request.setResourceName(type);
    Map<String, String[]> parameters = new LinkedHashMap<>();
    query.forEach((name, values) -> parameters.put(name, values.clone()));
    request.setParameters(parameters);
    request.getUserData().put(TokenPermissions.KEY, token);
    try {
      (ours ? narrowing : hapi).hookIncomingRequestPostProcessed(request, null, null);
    } catch (RuntimeException e) {
      return "refused: " + e.getMessage();
    }
    return printed(request.getParameters());
  }

  private static String printed(Map<String, String[]> parameters) {
    return new TreeMap<>(parameters).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + String.join("|", entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private TokenPermissions permissions(String scopes, String patient, String fhirUser) {
    return rules.permissionsFor(new SmartAccess("jti", "app", "client", fhirUser, patient, null,
        ScopeSet.parse(scopes), Instant.now().plusSeconds(300)));
  }
}
