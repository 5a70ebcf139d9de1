package org.careconnect.smart.auth.registration;

import org.careconnect.smart.auth.client.CachedRegisteredClients;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration records of dynamically registered clients (table client_registration, V11):
 * the hash of each registration access token, the restricted scopes waiting for an admin, and the
 * informational metadata. The registered client itself lives in SAS's oauth2_registered_client.
 */
class ClientRegistrations {

  private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final CachedRegisteredClients clients;

  ClientRegistrations(JdbcTemplate jdbc, ObjectMapper json, CachedRegisteredClients clients) {
    this.clients = clients;
    this.jdbc = jdbc;
    this.json = json;
  }

  record Registration(
      String clientId, String tokenHash, Set<String> pendingScopes, Map<String, Object> metadata) {

    /** Constant-time comparison of a presented registration access token with the stored hash. */
    boolean acceptsToken(String token) {
      return MessageDigest.isEqual(
          sha256(token).getBytes(StandardCharsets.US_ASCII),
          tokenHash.getBytes(StandardCharsets.US_ASCII));
    }
  }

  void insert(Registration registration, long createdAt) {
    jdbc.update(
        "INSERT INTO client_registration (client_id, registration_token_hash, pending_scopes,"
            + " metadata, created_at) VALUES (?, ?, ?, ?, ?)",
        registration.clientId(),
        registration.tokenHash(),
        String.join(" ", registration.pendingScopes()),
        write(registration.metadata()),
        createdAt);
  }

  void update(String clientId, Set<String> pendingScopes, Map<String, Object> metadata) {
    jdbc.update(
        "UPDATE client_registration SET pending_scopes = ?, metadata = ? WHERE client_id = ?",
        String.join(" ", pendingScopes),
        write(metadata),
        clientId);
  }

  Optional<Registration> find(String clientId) {
    List<Registration> rows =
        jdbc.query(
            "SELECT client_id, registration_token_hash, pending_scopes, metadata"
                + " FROM client_registration WHERE client_id = ?",
            (row, n) ->
                new Registration(
                    row.getString(1),
                    row.getString(2),
                    scopes(row.getString(3)),
                    read(row.getString(4))),
            clientId);
    return rows.stream().findFirst();
  }

  /**
   * Deletes the registration and the client with its authorizations and consents (RFC 7592 §2.3:
   * the client and its grants are gone). SAS's repository has no delete, hence the SQL.
   */
  @Transactional
  void delete(String clientId, String registeredClientId) {
    jdbc.update(
        "DELETE FROM oauth2_token_lookup WHERE authorization_id IN"
            + " (SELECT id FROM oauth2_authorization WHERE registered_client_id = ?)",
        registeredClientId);
    jdbc.update("DELETE FROM oauth2_authorization WHERE registered_client_id = ?", registeredClientId);
    jdbc.update(
        "DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?", registeredClientId);
    jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", registeredClientId);
    clients.forget(registeredClientId); // SQL, past the repository: drop its cached copy
    jdbc.update("DELETE FROM client_registration WHERE client_id = ?", clientId);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Set<String> scopes(String text) {
    return text == null || text.isBlank()
        ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(text.trim().split(" +")));
  }

  private String write(Map<String, Object> metadata) {
    try {
      return json.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("client metadata is plain JSON", e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, JSON_OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored client metadata is not JSON", e);
    }
  }
}
