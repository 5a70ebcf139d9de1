package org.careconnect.smart.auth.token;

import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A refresh signs no new ID token unless the client asks for one (decision 0013): OpenID Connect
 * Core §12.2 lets a refresh response leave the {@code id_token} out, and signing it was a fifth of
 * a refresh's CPU. Spring's refresh provider always asks the generator for an ID token when
 * {@code openid} was granted; this generator then hands back the one the authorization already
 * holds (stored again unchanged, so an {@code id_token_hint} of it still finds the authorization),
 * and {@link #omitKeptIdToken} takes it out of the response: an old ID token is not sent as if new.
 *
 * <p>A refresh request whose {@code scope} parameter names {@code openid} (as in the example of
 * OIDC Core §12.1) gets a newly signed ID token, as before.
 */
final class IdTokenOnRefresh implements OAuth2TokenGenerator<OAuth2Token> {

  private static final String KEPT = IdTokenOnRefresh.class.getName() + ".KEPT";
  private final OAuth2TokenGenerator<? extends OAuth2Token> delegate;

  IdTokenOnRefresh(OAuth2TokenGenerator<? extends OAuth2Token> delegate) {
    this.delegate = delegate;
  }

  @Override
  public OAuth2Token generate(OAuth2TokenContext context) {
    if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
        && AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
        && !openidRequested(context)) {
      OAuth2Authorization.Token<OidcIdToken> current =
          context.getAuthorization() == null
              ? null
              : context.getAuthorization().getToken(OidcIdToken.class);
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (current != null && request != null) {
        request.setAttribute(KEPT, current.getToken().getTokenValue(), RequestAttributes.SCOPE_REQUEST);
        return asJwt(current.getToken());
      }
    }
    return delegate.generate(context);
  }

  /**
   * Removes the ID token from a token response's parameters when it is the one kept by this
   * request's refresh; whether it removed one.
   */
  static boolean omitKeptIdToken(Map<String, Object> parameters) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Object kept = request == null ? null : request.getAttribute(KEPT, RequestAttributes.SCOPE_REQUEST);
    return kept != null && parameters.remove(OidcParameterNames.ID_TOKEN, kept);
  }

  private static boolean openidRequested(OAuth2TokenContext context) {
    return context.getAuthorizationGrant() instanceof OAuth2RefreshTokenAuthenticationToken refresh
        && refresh.getScopes().contains(OidcScopes.OPENID);
  }

  /** The stored ID token as the Jwt Spring's provider expects from a generator; nothing signed. */
  private static Jwt asJwt(OidcIdToken idToken) {
    try {
      Map<String, Object> header = JWSObject.parse(idToken.getTokenValue()).getHeader().toJSONObject();
      return new Jwt(
          idToken.getTokenValue(), idToken.getIssuedAt(), idToken.getExpiresAt(), header, idToken.getClaims());
    } catch (ParseException e) {
      throw new IllegalStateException("stored ID token is not a JWS", e);
    }
  }
}
