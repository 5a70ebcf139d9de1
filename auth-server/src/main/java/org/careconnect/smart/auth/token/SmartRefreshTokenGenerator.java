package org.careconnect.smart.auth.token;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens the SMART way (SMART 2.2 §scopes for requesting a refresh token): issued when
 * {@code offline_access} or {@code online_access} was granted, to public clients too (Spring
 * Authorization Server's own generator never gives one to a public client); on a refresh, always
 * a new one, since every refresh rotates the token (clients get reuseRefreshTokens=false).
 */
final class SmartRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

  static final Set<String> REFRESH_SCOPES = Set.of("offline_access", "online_access");
  private final StringKeyGenerator values =
      new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

  @Override
  public OAuth2RefreshToken generate(OAuth2TokenContext context) {
    if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
      return null;
    }
    boolean rotation = AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType());
    boolean granted =
        context.getAuthorizedScopes().stream().anyMatch(REFRESH_SCOPES::contains);
    if (!rotation && !granted) {
      return null;
    }
    Instant issuedAt = Instant.now();
    Instant expiresAt =
        issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
    return new OAuth2RefreshToken(values.generateKey(), issuedAt, expiresAt);
  }
}
