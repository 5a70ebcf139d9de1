package org.careconnect.smart.auth.client;

import org.careconnect.smart.auth.key.AccessTokenSignature;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Signs backend-services access tokens (client_credentials) with {@link BackendTokenClaims}, and
 * nothing else: for every other token it answers null, so the next generator (the SMART one for
 * user tokens) issues it.
 */
final class BackendTokenGenerator implements OAuth2TokenGenerator<Jwt> {

  private final JwtGenerator jwts;

  BackendTokenGenerator(JwtEncoder encoder, BackendTokenClaims claims) {
    this.jwts = new JwtGenerator(encoder);
    AccessTokenSignature signature = new AccessTokenSignature();
    this.jwts.setJwtCustomizer(
        context -> {
          signature.customize(context);
          claims.customize(context);
        });
  }

  @Override
  public Jwt generate(OAuth2TokenContext context) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
        && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return jwts.generate(context);
    }
    return null;
  }
}
