package org.careconnect.smart.auth.authorize;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.careconnect.smart.auth.consent.RememberedConsent;
import org.careconnect.smart.auth.launch.LaunchContextBinding;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * RFC 6749 §4.1.2: redirect to the app with {@code code} and {@code state}. Before that, the
 * launch context is fixed on the authorization, and a consent the user did not ask to remember
 * is forgotten.
 *
 * <p>No RFC 9207 {@code iss} parameter is added: fhirclient 2.x takes a redirect carrying
 * {@code iss} for a new EHR launch.
 */
final class AuthorizationResponse implements AuthenticationSuccessHandler {

  private final LaunchContextBinding launchContexts;
  private final RememberedConsent consents;

  AuthorizationResponse(LaunchContextBinding launchContexts, RememberedConsent consents) {
    this.launchContexts = launchContexts;
    this.consents = consents;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OAuth2AuthorizationCodeRequestAuthenticationToken result =
        (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
    String code = result.getAuthorizationCode().getTokenValue();
    launchContexts.bind(code);
    if (isConsentSubmission(request)) {
      consents.forgetUnlessRemembered(
          request, result.getClientId(), ((Authentication) result.getPrincipal()).getName());
    }
    UriComponentsBuilder redirect =
        UriComponentsBuilder.fromUriString(result.getRedirectUri())
            .queryParam(OAuth2ParameterNames.CODE, code);
    if (StringUtils.hasText(result.getState())) {
      redirect.queryParam(
          OAuth2ParameterNames.STATE, UriUtils.encode(result.getState(), StandardCharsets.UTF_8));
    }
    response.sendRedirect(redirect.build(true).toUriString());
  }

  /** The consent form posts without response_type; an authorization request always has one. */
  private static boolean isConsentSubmission(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null;
  }
}
