package org.careconnect.smart.auth.client;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * A public client's refresh (RFC 6749 §6) as fhirclient sends it: {@code grant_type=refresh_token}
 * and {@code refresh_token}, no credentials, often no {@code client_id}. The client is the one
 * the refresh token was issued to; the request only names it for a public client (auth method
 * none). Confidential clients still authenticate as usual (this converter declines).
 */
final class PublicClientRefreshConverter implements AuthenticationConverter {

  private final OAuth2AuthorizationService authorizations;
  private final RegisteredClientRepository clients;

  PublicClientRefreshConverter(
      OAuth2AuthorizationService authorizations, RegisteredClientRepository clients) {
    this.authorizations = authorizations;
    this.clients = clients;
  }

  @Override
  public OAuth2ClientAuthenticationToken convert(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())
        || !AuthorizationGrantType.REFRESH_TOKEN
            .getValue()
            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
      return null;
    }
    String refreshToken = request.getParameter(OAuth2ParameterNames.REFRESH_TOKEN);
    if (!StringUtils.hasText(refreshToken)) {
      return null;
    }
    OAuth2Authorization authorization =
        authorizations.findByToken(refreshToken, OAuth2TokenType.REFRESH_TOKEN);
    if (authorization == null) {
      // RFC 6749 §5.2 invalid_grant: the refresh token is invalid, expired, revoked or spent
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
    }
    RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
    if (client == null
        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
      return null; // a confidential client's token: it must authenticate
    }
    String namedClient = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
    if (namedClient != null && !namedClient.equals(client.getClientId())) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_GRANT, "The refresh token was issued to another client", null));
    }
    return new OAuth2ClientAuthenticationToken(
        client.getClientId(), ClientAuthenticationMethod.NONE, null, Map.of(PublicClientProvider.PUBLIC_CLIENT_NAMED, true));
  }
}
