package org.careconnect.smart.auth.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;

/**
 * Finds authorizations by token through an indexed table of token hashes (oauth2_token_lookup,
 * V40) instead of Spring's query on unindexable blob columns, which scans every authorization
 * (one row per client_credentials token too, so the scan grows with traffic). Saves and removals
 * keep the table in step; everything else is the delegate's. A token that is not in the table
 * is not found: the table is the index, there is no fallback scan.
 *
 * <p>Only hashes are stored, so the table does not add a copy of live tokens to the database.
 */
final class TokenLookup implements OAuth2AuthorizationService {

  private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
  private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
  private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);
  private static final OAuth2TokenType USER_CODE = new OAuth2TokenType(OAuth2ParameterNames.USER_CODE);
  private static final OAuth2TokenType DEVICE_CODE =
      new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

  private final OAuth2AuthorizationService delegate;
  private final JdbcTemplate jdbc;

  TokenLookup(OAuth2AuthorizationService delegate, JdbcTemplate jdbc) {
    this.delegate = delegate;
    this.jdbc = jdbc;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    delegate.save(authorization);
    // Rewritten whole: a save may add tokens (code exchange) or replace them (refresh rotation).
    // A new authorization (a client_credentials token) has none to delete.
    if (!RequestMemoizedAuthorizations.insertedBySave(authorization.getId())) {
      jdbc.update("DELETE FROM oauth2_token_lookup WHERE authorization_id = ?", authorization.getId());
    }
    List<Object[]> rows = new ArrayList<>();
    for (TokenValue token : tokens(authorization)) {
      rows.add(
          new Object[] {RefreshTokenFamilies.sha256(token.value()), token.type(), authorization.getId()});
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(
          "INSERT INTO oauth2_token_lookup (token_hash, token_type, authorization_id) VALUES (?, ?, ?)",
          rows);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    delegate.remove(authorization);
    jdbc.update("DELETE FROM oauth2_token_lookup WHERE authorization_id = ?", authorization.getId());
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return delegate.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    // Already read or saved by this request (a refresh looks its token up twice, and its response
    // the new access token): no query.
    for (OAuth2Authorization known : RequestMemoizedAuthorizations.remembered()) {
      if (holds(known, token, tokenType)) {
        return known;
      }
    }
    List<String> ids =
        tokenType == null
            ? jdbc.queryForList(
                "SELECT authorization_id FROM oauth2_token_lookup WHERE token_hash = ?",
                String.class,
                RefreshTokenFamilies.sha256(token))
            : jdbc.queryForList(
                "SELECT authorization_id FROM oauth2_token_lookup WHERE token_hash = ? AND token_type = ?",
                String.class,
                RefreshTokenFamilies.sha256(token),
                tokenType.getValue());
    for (String id : ids) {
      OAuth2Authorization authorization = delegate.findById(id);
      // the stored authorization decides: it must still hold this very value as that type
      if (authorization != null && holds(authorization, token, tokenType)) {
        return authorization;
      }
    }
    return null;
  }

  /** Whether the authorization holds this very value as that type (any type: null). */
  private static boolean holds(OAuth2Authorization authorization, String token, OAuth2TokenType tokenType) {
    return tokens(authorization).stream()
        .anyMatch(
            t -> t.value().equals(token) && (tokenType == null || t.type().equals(tokenType.getValue())));
  }

  record TokenValue(String type, String value) {}

  /** The values findByToken answers for, by type, as JdbcOAuth2AuthorizationService reads them. */
  static List<TokenValue> tokens(OAuth2Authorization authorization) {
    List<TokenValue> values = new ArrayList<>();
    String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
    if (state != null) {
      values.add(new TokenValue(STATE.getValue(), state));
    }
    add(values, CODE, authorization.getToken(OAuth2AuthorizationCode.class));
    add(values, OAuth2TokenType.ACCESS_TOKEN, authorization.getToken(OAuth2AccessToken.class));
    add(values, OAuth2TokenType.REFRESH_TOKEN, authorization.getToken(OAuth2RefreshToken.class));
    add(values, ID_TOKEN, authorization.getToken(OidcIdToken.class));
    add(values, USER_CODE, authorization.getToken(OAuth2UserCode.class));
    add(values, DEVICE_CODE, authorization.getToken(OAuth2DeviceCode.class));
    return values;
  }

  private static void add(
      List<TokenValue> values, OAuth2TokenType type, OAuth2Authorization.Token<?> token) {
    if (token != null && token.getToken() != null) {
      values.add(new TokenValue(type.getValue(), Objects.requireNonNull(token.getToken().getTokenValue())));
    }
  }
}
