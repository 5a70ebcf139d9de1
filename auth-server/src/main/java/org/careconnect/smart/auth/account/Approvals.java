package org.careconnect.smart.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ScopeParser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person has let an app do: their remembered consents (oauth2_authorization_consent) and
 * the authorizations holding tokens (oauth2_authorization), per app. Revoking an approval removes
 * both, so the app must ask again and its tokens are inactive at introspection at once (the rows
 * are gone; RFC 7009 §2: the authorization server may revoke the whole grant).
 *
 * <p>Used by the self-service page (a user's own, by their login name only) and by the admin.
 */
@Component
public class Approvals {

  /** One scope with its meaning in plain words (smart-scopes {@code describe()}). */
  public record ScopeLine(String value, String words) {}

  /**
   * @param remembered the user ticked "remember this decision" (a stored consent)
   * @param lastAuthorized when a token or code was last issued for it, or null
   */
  public record Approval(
      @JsonProperty("client_id") String clientId,
      @JsonProperty("client_name") String clientName,
      String username,
      List<ScopeLine> scopes,
      boolean remembered,
      @JsonProperty("last_authorized") Instant lastAuthorized) {

    Approval lastAuthorizedAt(Instant when) {
      return new Approval(clientId, clientName, username, scopes, remembered, when);
    }
  }

  private static final String CONSENTS =
      "SELECT c.client_id, c.client_name, k.principal_name, k.authorities"
          + " FROM oauth2_authorization_consent k"
          + " JOIN oauth2_registered_client c ON c.id = k.registered_client_id";
  private static final String AUTHORIZATIONS =
      "SELECT c.client_id, c.client_name, a.principal_name, a.authorized_scopes,"
          + " COALESCE(a.access_token_issued_at, a.authorization_code_issued_at) AS issued_at"
          + " FROM oauth2_authorization a"
          + " JOIN oauth2_registered_client c ON c.id = a.registered_client_id";

  private final JdbcTemplate jdbc;

  Approvals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Approval> ofUser(String username) {
    return collect(" WHERE k.principal_name = ?", " WHERE a.principal_name = ?", username);
  }

  public List<Approval> ofClient(String clientId) {
    return collect(" WHERE c.client_id = ?", " WHERE c.client_id = ?", clientId);
  }

  public List<Approval> all() {
    return collect("", "");
  }

  /**
   * Removes the user's consent to the app and every authorization (token) the app holds for the
   * user. 404 when there was none: a user naming someone else's app learns nothing more.
   */
  @Transactional
  public void revoke(String username, String clientId) {
    String id = registeredId(clientId);
    int removed = id == null ? 0 : delete(" WHERE registered_client_id = ? AND principal_name = ?", id, username);
    if (removed == 0) {
      throw RequestRefused.notFound("no approval of " + clientId + " by " + username);
    }
  }

  /** Everything a user approved (a disabled or deleted user). */
  @Transactional
  public void revokeAllOf(String username) {
    delete(" WHERE principal_name = ?", username);
  }

  /** Everything approved for a client (a deleted client); by its internal id. */
  @Transactional
  public void revokeAllFor(String registeredClientId) {
    delete(" WHERE registered_client_id = ?", registeredClientId);
  }

  /** Plain words for each scope; a value the grammar does not know is shown as it is. */
  public static List<ScopeLine> describe(Iterable<String> scopes) {
    List<ScopeLine> lines = new ArrayList<>();
    for (String scope : scopes) {
      String words;
      try {
        words = ScopeParser.parse(scope).describe();
      } catch (InvalidScopeException e) {
        words = scope;
      }
      lines.add(new ScopeLine(scope, words));
    }
    return lines;
  }

  private int delete(String where, Object... args) {
    int consents = jdbc.update("DELETE FROM oauth2_authorization_consent" + where, args);
    // the token lookup rows (V40) of the authorizations about to go, so none is left behind
    jdbc.update(
        "DELETE FROM oauth2_token_lookup WHERE authorization_id IN (SELECT id FROM oauth2_authorization"
            + where
            + ")",
        args);
    int authorizations = jdbc.update("DELETE FROM oauth2_authorization" + where, args);
    return consents + authorizations;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.isAfter(b) ? a : b;
  }

  private String registeredId(String clientId) {
    return jdbc.queryForList("SELECT id FROM oauth2_registered_client WHERE client_id = ?", String.class, clientId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private List<Approval> collect(String consentWhere, String authorizationWhere, Object... args) {
    Map<String, Approval> byKey = new LinkedHashMap<>();
    jdbc.query(
        CONSENTS + consentWhere,
        rs -> {
          List<String> scopes =
              Arrays.stream(rs.getString("authorities").split(","))
                  .map(String::trim)
                  .filter(a -> a.startsWith("SCOPE_"))
                  .map(a -> a.substring("SCOPE_".length()))
                  .toList();
          Approval approval =
              new Approval(
                  rs.getString("client_id"), rs.getString("client_name"), rs.getString("principal_name"),
                  describe(scopes), true, null);
          byKey.put(approval.clientId() + "\n" + approval.username(), approval);
        },
        args);
    jdbc.query(
        AUTHORIZATIONS + authorizationWhere,
        rs -> {
          String key = rs.getString("client_id") + "\n" + rs.getString("principal_name");
          Timestamp issued = rs.getTimestamp("issued_at");
          Instant when = issued == null ? null : issued.toInstant();
          Approval known = byKey.get(key);
          if (known != null) {
            byKey.put(key, known.lastAuthorizedAt(later(known.lastAuthorized(), when)));
          } else {
            String granted = rs.getString("authorized_scopes");
            List<String> scopes = granted == null ? List.of() : Arrays.asList(granted.split(","));
            byKey.put(
                key,
                new Approval(
                    rs.getString("client_id"), rs.getString("client_name"), rs.getString("principal_name"),
                    describe(scopes), false, when));
          }
        },
        args);
    List<Approval> approvals = new ArrayList<>(byKey.values());
    approvals.sort(Comparator.comparing(Approval::clientId).thenComparing(Approval::username));
    return approvals;
  }
}
