package org.careconnect.smart.auth.client;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * RFC 7009 §2.1: a public client revokes its tokens naming itself with {@code client_id} only
 * (it has no credentials). The revocation provider then refuses a token issued to another
 * client, so naming a client gives no power over anyone else's tokens. Requests with
 * credentials are left to Spring's converters.
 */
final class PublicClientRevocationConverter implements AuthenticationConverter {

  private final String revocationEndpoint;

  PublicClientRevocationConverter(String revocationEndpoint) {
    this.revocationEndpoint = revocationEndpoint;
  }

  @Override
  public OAuth2ClientAuthenticationToken convert(HttpServletRequest request) {
    String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
    if (!"POST".equals(request.getMethod())
        || !revocationEndpoint.equals(request.getRequestURI())
        || !StringUtils.hasText(clientId)
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
      return null;
    }
    return new OAuth2ClientAuthenticationToken(
        clientId,
        ClientAuthenticationMethod.NONE,
        null,
        Map.of(PublicClientProvider.PUBLIC_CLIENT_NAMED, true));
  }
}
