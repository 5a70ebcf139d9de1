package org.careconnect.smart.auth.picker;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a clinician to the patient picker when an app asks for {@code launch/patient} in a
 * standalone launch (no {@code launch} scope) and no patient has been picked for this flow yet;
 * the picker resumes the same authorization request afterwards. Patients (fhirUser {@code
 * Patient/..}) are never sent: their own record is the context.
 */
class PatientPickerFilter extends OncePerRequestFilter {

  private static final RequestMatcher AUTHORIZE =
      PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize");
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final RegisteredClientRepository clients;
  private final UserAccounts users;

  PatientPickerFilter(RegisteredClientRepository clients, UserAccounts users) {
    this.clients = clients;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (needsPick(request)) {
      String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
      String state = request.getParameter(OAuth2ParameterNames.STATE);
      PendingPick pick =
          PickerSession.of(request.getSession())
              .start(
                  new FlowKey(clientId, state),
                  authorizationRequestUri(request),
                  scopes(request).contains(PatientPickerStep.LAUNCH_ENCOUNTER));
      response.sendRedirect(
          UriComponentsBuilder.fromPath(request.getContextPath() + PatientPickerController.PATH)
              .queryParam("pick", pick.id())
              .build()
              .toUriString());
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean needsPick(HttpServletRequest request) {
    if (!AUTHORIZE.matches(request)
        || request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null) {
      return false; // not an authorization request (e.g. the consent form's POST)
    }
    String prompt = request.getParameter("prompt");
    if (prompt != null && Arrays.asList(prompt.split(" ")).contains("none")) {
      return false; // OpenID Connect Core §3.1.2.1: prompt=none shows no page, so no picker
    }
    Set<String> scopes = scopes(request);
    if (!scopes.contains(PatientPickerStep.LAUNCH_PATIENT) || scopes.contains("launch")) {
      return false; // no patient wanted, or an EHR launch brings its own
    }
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || TRUST.isAnonymous(user) || !user.isAuthenticated()) {
      return false; // login first
    }
    if (users.fhirUser(user.getName()).filter(f -> f.startsWith("Patient/")).isPresent()) {
      return false; // a patient's own record is the context
    }
    String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
    RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
    if (client == null || !client.getScopes().contains(PatientPickerStep.LAUNCH_PATIENT)) {
      return false; // the authorization endpoint refuses the request itself
    }
    FlowKey flow = new FlowKey(clientId, request.getParameter(OAuth2ParameterNames.STATE));
    return !PickerSession.of(request.getSession()).hasPicked(flow);
  }

  private static Set<String> scopes(HttpServletRequest request) {
    String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
    return scope == null
        ? Set.of()
        : Arrays.stream(scope.split(" ")).filter(StringUtils::hasText).collect(Collectors.toSet());
  }

  /** The request to resume, as a GET (the authorization endpoint takes both, RFC 6749 §3.1). */
  private static String authorizationRequestUri(HttpServletRequest request) {
    // Relative to the context path, as the picker's "redirect:" view adds it back.
    String path = request.getRequestURI().substring(request.getContextPath().length());
    StringJoiner query = new StringJoiner("&", path + "?", "");
    request
        .getParameterMap()
        .forEach(
            (name, values) ->
                Arrays.stream(values).forEach(v -> query.add(encode(name) + "=" + encode(v))));
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
