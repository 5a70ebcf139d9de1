package org.careconnect.smart.auth.key;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Access tokens are signed with the access-token key (ES256, {@link SigningFamily}); Spring
 * Authorization Server would sign them RS256. ID tokens keep the client's ID-token algorithm
 * (RS256). Every token generator that issues access tokens applies it.
 */
public final class AccessTokenSignature implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final SignatureAlgorithm ALGORITHM =
      SignatureAlgorithm.from(SigningFamily.ACCESS_TOKENS.algorithm().getName());

  @Override
  public void customize(JwtEncodingContext context) {
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      context.getJwsHeader().algorithm(ALGORITHM);
    }
  }
}
