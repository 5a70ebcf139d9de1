package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.auth.account.RequestRefused;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * Authorizations that hold a live token (an access or refresh token neither expired nor revoked),
 * read from oauth2_authorization through Spring's service so "live" means what introspection
 * means. Revoking removes the authorization: its access, refresh and id tokens are inactive at
 * introspection at once (RFC 7662 §2.2, RFC 7009 §2).
 */
class ActiveTokens {

  /** One authorization: {@code id} names it for revocation; expiry of its longest-lived token. */
  record TokenView(
      String id,
      @JsonProperty("client_id") String clientId,
      String username,
      List<String> scopes,
      @JsonProperty("access_token_expires_at") Instant accessTokenExpiresAt,
      @JsonProperty("refresh_token_expires_at") Instant refreshTokenExpiresAt) {}

  private final JdbcTemplate jdbc;
  private final OAuth2AuthorizationService authorizations;

  ActiveTokens(JdbcTemplate jdbc, OAuth2AuthorizationService authorizations) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
  }

  List<TokenView> list() {
    List<TokenView> live = new ArrayList<>();
    List<String[]> rows =
        jdbc.query(
            "SELECT a.id, c.client_id FROM oauth2_authorization a"
                + " JOIN oauth2_registered_client c ON c.id = a.registered_client_id"
                + " WHERE a.access_token_value IS NOT NULL OR a.refresh_token_value IS NOT NULL"
                + " ORDER BY a.access_token_issued_at DESC",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
    for (String[] row : rows) {
      OAuth2Authorization authorization = authorizations.findById(row[0]);
      if (authorization != null && live(authorization)) {
        live.add(view(authorization, row[1]));
      }
    }
    return live;
  }

  void revoke(String id) {
    OAuth2Authorization authorization = id == null ? null : authorizations.findById(id);
    if (authorization == null) {
      throw RequestRefused.notFound("no authorization " + id);
    }
    authorizations.remove(authorization);
  }

  private static boolean live(OAuth2Authorization authorization) {
    OAuth2Authorization.Token<?> access = authorization.getAccessToken();
    OAuth2Authorization.Token<?> refresh = authorization.getRefreshToken();
    return (access != null && access.isActive()) || (refresh != null && refresh.isActive());
  }

  private static TokenView view(OAuth2Authorization authorization, String clientId) {
    return new TokenView(
        authorization.getId(),
        clientId,
        authorization.getPrincipalName(),
        authorization.getAuthorizedScopes().stream().sorted().toList(),
        expiry(authorization.getAccessToken()),
        expiry(authorization.getRefreshToken()));
  }

  private static Instant expiry(OAuth2Authorization.Token<? extends OAuth2Token> token) {
    return token == null ? null : token.getToken().getExpiresAt();
  }
}
