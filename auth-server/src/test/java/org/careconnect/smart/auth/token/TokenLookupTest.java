package org.careconnect.smart.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tokens are found through oauth2_token_lookup (V40, TokenLookup): code exchange, refresh,
 * introspection and revocation work through it; a token missing from it is not found; V41 indexes
 * authorizations stored without it.
 */
@AuthServerIntegrationTest
class TokenLookupTest {

  static final String SCOPE = "openid fhirUser launch/patient offline_access patient/*.rs";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired OAuth2AuthorizationService authorizations;

  @Test
  void codeExchangeRefreshIntrospectionAndRevocationFindTheirTokens() {
    SmartFlow app = confidentialApp();
    Map<String, Object> first = SmartFlow.json(app.exchange(app.code(fixtures.patient("pat-l"), SCOPE)));
    assertThat(first).containsKeys("access_token", "refresh_token", "id_token");

    HttpResponse<String> refreshed = refresh(app, (String) first.get("refresh_token"));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    Map<String, Object> second = SmartFlow.json(refreshed);
    assertThat(second).containsEntry("patient", "pat-l");
    assertThat(introspect(app, (String) second.get("access_token"))).containsEntry("active", true);
    assertThat(introspect(app, (String) second.get("refresh_token"))).containsEntry("active", true);

    HttpResponse<String> revoked =
        app.browser.post(
            "/oauth2/revoke",
            Map.of("token", (String) second.get("refresh_token")),
            "Authorization",
            SmartFlow.basic(app.client.getClientId(), "lookup-secret"));
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(introspect(app, (String) second.get("refresh_token"))).isEqualTo(Map.of("active", false));
  }

  @Test
  void onlyHashesOfTheCurrentTokensAreStored() {
    SmartFlow app = confidentialApp();
    Map<String, Object> first = SmartFlow.json(app.exchange(app.code(fixtures.patient("pat-h"), SCOPE)));
    Map<String, Object> second =
        SmartFlow.json(refresh(app, (String) first.get("refresh_token")));

    assertThat(lookupRows((String) second.get("refresh_token"))).isEqualTo(1);
    assertThat(lookupRows((String) second.get("access_token"))).isEqualTo(1);
    assertThat(lookupRows((String) first.get("refresh_token"))).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM oauth2_token_lookup WHERE token_hash = ?",
                Integer.class,
                second.get("refresh_token")))
        .isZero();
  }

  @Test
  void notFoundWhenTheTokenIsNotInTheLookupTable() {
    SmartFlow app = confidentialApp();
    Map<String, Object> tokens = SmartFlow.json(app.exchange(app.code(fixtures.patient("pat-n"), SCOPE)));
    String refreshToken = (String) tokens.get("refresh_token");
    jdbc.update(
        "DELETE FROM oauth2_token_lookup WHERE token_hash IN (?, ?)",
        RefreshTokenFamilies.sha256(refreshToken),
        RefreshTokenFamilies.sha256((String) tokens.get("access_token")));

    assertThat(introspect(app, (String) tokens.get("access_token"))).isEqualTo(Map.of("active", false));
    HttpResponse<String> refused = refresh(app, refreshToken);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(refused)).isEqualTo(Map.of("error", "invalid_grant"));
  }

  @Test
  void backfillIndexesAuthorizationsStoredWithoutLookupRows() throws Exception {
    SmartFlow app = confidentialApp();
    Map<String, Object> tokens = SmartFlow.json(app.exchange(app.code(fixtures.patient("pat-b"), SCOPE)));
    String authorizationId =
        jdbc.queryForObject(
            "SELECT authorization_id FROM oauth2_token_lookup WHERE token_hash = ?",
            String.class,
            RefreshTokenFamilies.sha256((String) tokens.get("refresh_token")));
    jdbc.update("DELETE FROM oauth2_token_lookup WHERE authorization_id = ?", authorizationId);
    assertThat(introspect(app, (String) tokens.get("access_token"))).containsEntry("active", false);

    try (Connection connection = dataSource.getConnection()) {
      new TokenLookupBackfill().migrate(context(connection));
    }

    assertThat(introspect(app, (String) tokens.get("access_token"))).containsEntry("active", true);
    assertThat(refresh(app, (String) tokens.get("refresh_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void existingAuthorizationUpdatedWhenSavedInARequestThatHasNotReadIt() {
    SmartFlow app = confidentialApp();
    Map<String, Object> tokens = SmartFlow.json(app.exchange(app.code(fixtures.patient("pat-u"), SCOPE)));
    String oldAccessToken = (String) tokens.get("access_token");
    OAuth2Authorization stored = authorizations.findByToken(oldAccessToken, OAuth2TokenType.ACCESS_TOKEN);
    String newAccessToken = "replaced-" + UUID.randomUUID();
    Instant now = Instant.now();
    OAuth2Authorization changed =
        OAuth2Authorization.from(stored)
            .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, newAccessToken, now, now.plusSeconds(60)))
            .build();

    // a request of its own that saves without reading first: taken for new, refused by the
    // primary key, then read and updated
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      authorizations.save(changed);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }

    assertThat(authorizations.findByToken(newAccessToken, OAuth2TokenType.ACCESS_TOKEN).getId())
        .isEqualTo(stored.getId());
    assertThat(authorizations.findByToken(oldAccessToken, OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(lookupRows(oldAccessToken)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorization WHERE id = ?", Integer.class, stored.getId()))
        .isEqualTo(1);
    assertThat(introspect(app, (String) tokens.get("refresh_token"))).containsEntry("active", true);
  }

  private SmartFlow confidentialApp() {
    RegisteredClient client = fixtures.confidentialClient("lookup-secret");
    SmartFlow app = new SmartFlow(new Browser(port), client);
    app.clientSecret = "lookup-secret";
    return app;
  }

  private HttpResponse<String> refresh(SmartFlow app, String refreshToken) {
    return app.browser.post(
        "/oauth2/token",
        Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
        "Authorization",
        SmartFlow.basic(app.client.getClientId(), "lookup-secret"));
  }

  private Map<String, Object> introspect(SmartFlow app, String token) {
    return SmartFlow.json(
        app.browser.post(
            "/oauth2/introspect",
            Map.of("token", token),
            "Authorization",
            SmartFlow.basic(app.client.getClientId(), "lookup-secret")));
  }

  private int lookupRows(String token) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM oauth2_token_lookup WHERE token_hash = ?",
        Integer.class,
        RefreshTokenFamilies.sha256(token));
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
