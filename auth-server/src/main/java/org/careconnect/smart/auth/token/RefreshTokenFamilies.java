package org.careconnect.smart.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * Refresh-token rotation with reuse detection (RFC 9700 §4.14.2): one authorization is one token
 * family. When a save replaces the family's refresh token, the old one is recorded as spent; when
 * a spent one is presented again, the whole family (its access, refresh and ID tokens) is
 * revoked and the request fails as an unknown token would (invalid_grant).
 *
 * <p>A decorator of the published OAuth2AuthorizationService interface, so the grant's own code
 * stays Spring Authorization Server's.
 */
final class RefreshTokenFamilies implements OAuth2AuthorizationService {

  private static final Logger log = LoggerFactory.getLogger(RefreshTokenFamilies.class);
  private final OAuth2AuthorizationService delegate;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  RefreshTokenFamilies(OAuth2AuthorizationService delegate, JdbcTemplate jdbc, Clock clock) {
    this.delegate = delegate;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    OAuth2Authorization.Token<OAuth2RefreshToken> next = authorization.getRefreshToken();
    if (next != null) {
      // The family's current refresh token, as a hash, from the lookup table (TokenLookup): the
      // whole stored authorization need not be read and parsed again for it.
      String nextHash = sha256(next.getToken().getTokenValue());
      for (String spentHash :
          jdbc.queryForList(
              "SELECT token_hash FROM oauth2_token_lookup WHERE authorization_id = ? AND token_type = ?",
              String.class,
              authorization.getId(),
              OAuth2TokenType.REFRESH_TOKEN.getValue())) {
        if (!spentHash.equals(nextHash)) {
          markSpent(spentHash, authorization.getId());
        }
      }
    }
    delegate.save(authorization);
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    delegate.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return delegate.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    OAuth2Authorization found = delegate.findByToken(token, tokenType);
    if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
      revokeFamilyIfSpent(token);
    }
    return found;
  }

  private void markSpent(String tokenHash, String authorizationId) {
    try {
      jdbc.update(
          "INSERT INTO spent_refresh_token (token_hash, authorization_id, spent_at) VALUES (?, ?, ?)",
          tokenHash,
          authorizationId,
          clock.millis());
    } catch (DuplicateKeyException alreadySpent) {
      // the same rotation saved twice: nothing new to record
    }
  }

  private void revokeFamilyIfSpent(String token) {
    List<String> families =
        jdbc.queryForList(
            "SELECT authorization_id FROM spent_refresh_token WHERE token_hash = ?",
            String.class,
            sha256(token));
    for (String id : families) {
      OAuth2Authorization family = delegate.findById(id);
      if (family != null) {
        log.warn(
            "Spent refresh token presented again: revoking authorization {} of client {}",
            id,
            family.getRegisteredClientId());
        delegate.remove(family);
      }
    }
  }

  /**
   * A spent token older than the refresh-token lifetime has expired anyway: presenting it again
   * is refused as unknown, and its record can go.
   */
  static int forgetSpentBefore(JdbcTemplate jdbc, java.time.Instant cutoff) {
    return jdbc.update("DELETE FROM spent_refresh_token WHERE spent_at < ?", cutoff.toEpochMilli());
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
