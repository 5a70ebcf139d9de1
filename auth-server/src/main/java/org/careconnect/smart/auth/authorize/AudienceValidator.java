package org.careconnect.smart.auth.authorize;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * SMART 2.2 §authorization request: {@code aud} (REQUIRED) is the FHIR base the app will call;
 * the server must not issue a code for a FHIR server it does not serve, so a missing or unknown
 * {@code aud} ends the flow with an error redirect (the client and redirect URI are already
 * validated when this runs). Spring Authorization Server knows nothing of {@code aud}.
 */
final class AudienceValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  static final String AUD = "aud";
  private final List<String> fhirBaseUrls;

  AudienceValidator(List<String> fhirBaseUrls) {
    this.fhirBaseUrls = List.copyOf(fhirBaseUrls);
  }

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    Object aud = request.getAdditionalParameters().get(AUD);
    if (aud == null || aud.toString().isBlank()) {
      throw AuthorizationErrors.redirect(
          context,
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_REQUEST,
              "The aud parameter is required: the FHIR base URL the app will use",
              null));
    }
    if (!fhirBaseUrls.contains(aud.toString())) {
      throw AuthorizationErrors.redirect(
          context,
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_REQUEST,
              "The aud parameter is not a FHIR server this authorisation server serves",
              null));
    }
  }
}
