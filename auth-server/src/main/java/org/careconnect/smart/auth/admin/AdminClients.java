package org.careconnect.smart.auth.admin;

import com.nimbusds.jose.jwk.JWKSet;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careconnect.smart.auth.account.Approvals;
import org.careconnect.smart.auth.account.RequestRefused;
import org.careconnect.smart.auth.client.BackendClients;
import org.careconnect.smart.auth.client.CachedRegisteredClients;
import org.careconnect.smart.auth.client.ClientKeySettings;
import org.careconnect.smart.auth.client.SmartClients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients as the admin manages them, for the admin API and the admin pages alike. Clients are
 * built by the same builders as the demo and registered ones ({@link SmartClients}: PKCE for
 * public clients, consent asked, refresh tokens rotated; {@link BackendClients} for
 * {@code client_credentials}), so an admin-made client follows the server's rules; the admin adds
 * what only an admin may: restricted scopes and token lifetimes.
 */
class AdminClients {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CachedRegisteredClients repository;
  private final SmartClients smartClients;
  private final BackendClients backendClients;
  private final PasswordEncoder encoder;
  private final JdbcTemplate jdbc;
  private final Approvals approvals;
  private final ClientRules rules;

  AdminClients(
      CachedRegisteredClients repository,
      SmartClients smartClients,
      BackendClients backendClients,
      PasswordEncoder encoder,
      JdbcTemplate jdbc,
      Approvals approvals,
      ClientRules rules) {
    this.repository = repository;
    this.smartClients = smartClients;
    this.backendClients = backendClients;
    this.encoder = encoder;
    this.jdbc = jdbc;
    this.approvals = approvals;
    this.rules = rules;
  }

  List<ClientView> list() {
    List<ClientView> views = new ArrayList<>();
    for (String id : jdbc.queryForList("SELECT id FROM oauth2_registered_client ORDER BY client_id", String.class)) {
      views.add(view(repository.findById(id)));
    }
    return views;
  }

  ClientView get(String clientId) {
    return view(find(clientId));
  }

  @Transactional
  ClientView create(ClientRequest request) {
    String clientId =
        request.clientId() == null ? UUID.randomUUID().toString() : ClientRules.clientId(request.clientId());
    if (repository.findByClientId(clientId) != null) {
      throw RequestRefused.conflict("client_id", "client " + clientId + " exists");
    }
    ClientAuthenticationMethod method = ClientRules.method(request.tokenEndpointAuthMethod());
    String secret = needsSecret(method) ? newSecret() : null;
    RegisteredClient client =
        build(null, clientId, request, method, secret == null ? null : encoder.encode(secret));
    repository.save(client);
    return view(client).withSecret(secret);
  }

  /** Fields absent from the request keep their value; a new secret only when one becomes needed. */
  @Transactional
  ClientView update(String clientId, ClientRequest change) {
    RegisteredClient current = find(clientId);
    ClientView now = view(current);
    ClientRequest merged =
        new ClientRequest(
            clientId,
            change.clientName() == null ? now.clientName() : change.clientName(),
            change.tokenEndpointAuthMethod() == null ? now.tokenEndpointAuthMethod() : change.tokenEndpointAuthMethod(),
            change.redirectUris() == null ? now.redirectUris() : change.redirectUris(),
            change.scope() == null ? now.scope() : change.scope(),
            change.jwks() == null && change.jwksUri() == null ? now.jwks() : change.jwks(),
            change.jwks() == null && change.jwksUri() == null ? now.jwksUri() : change.jwksUri(),
            change.accessTokenLifetime() == null ? now.accessTokenLifetime() : change.accessTokenLifetime(),
            change.refreshTokenLifetime() == null ? now.refreshTokenLifetime() : change.refreshTokenLifetime());
    ClientAuthenticationMethod method = ClientRules.method(merged.tokenEndpointAuthMethod());
    String secret = null;
    String hashed = current.getClientSecret();
    if (needsSecret(method) && hashed == null) {
      secret = newSecret();
      hashed = encoder.encode(secret);
    }
    RegisteredClient client = build(current.getId(), clientId, merged, method, needsSecret(method) ? hashed : null);
    repository.save(client);
    grantPending(clientId, client.getScopes());
    return view(client).withSecret(secret);
  }

  /** The client, its consents and its tokens (inactive at once), and its registration record. */
  @Transactional
  void delete(String clientId) {
    RegisteredClient client = find(clientId);
    approvals.revokeAllFor(client.getId());
    jdbc.update("DELETE FROM client_registration WHERE client_id = ?", clientId);
    jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", client.getId());
    repository.forget(client.getId()); // SQL, past the repository: drop its cached copy
  }

  private RegisteredClient find(String clientId) {
    RegisteredClient client = clientId == null ? null : repository.findByClientId(clientId);
    if (client == null) {
      throw RequestRefused.notFound("no client " + clientId);
    }
    return client;
  }

  private RegisteredClient build(
      String id, String clientId, ClientRequest request, ClientAuthenticationMethod method, String hashedSecret) {
    JWKSet jwks = ClientRules.jwks(request.jwks());
    String jwksUri = ClientRules.jwksUri(request.jwksUri());
    ClientRules.keys(method, jwks, jwksUri);
    List<String> redirectUris = request.redirectUris() == null ? List.of() : request.redirectUris();
    // private_key_jwt without redirect URIs is a backend service (SMART 2.2 §backend services).
    boolean backend = ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method) && redirectUris.isEmpty();
    ClientRules.redirectUris(redirectUris, backend);
    Set<String> scopes = rules.scopes(request.scope());
    Duration access =
        ClientRules.accessTokenLifetime(request.accessTokenLifetime() == null ? 3600 : request.accessTokenLifetime());
    Duration refresh =
        ClientRules.refreshTokenLifetime(
            request.refreshTokenLifetime() == null ? Duration.ofDays(30).toSeconds() : request.refreshTokenLifetime());
    String name = request.clientName() == null ? clientId : request.clientName();
    String internalId = id == null ? UUID.randomUUID().toString() : id;
    RegisteredClient base =
        backend
            ? backendClients.backendService(internalId, clientId, name, jwks, jwksUri, scopes)
            : ClientAuthenticationMethod.NONE.equals(method)
                ? smartClients.publicApp(clientId, name, redirectUris, scopes)
                : smartClients.confidentialApp(clientId, name, hashedSecret, redirectUris, scopes);
    return RegisteredClient.from(base)
        .id(internalId)
        .clientSecret(hashedSecret)
        .clientAuthenticationMethods(methods -> {
          methods.clear();
          methods.add(method);
        })
        .clientSettings(
            BackendClients.withKeys(
                    ClientSettings.withSettings(base.getClientSettings().getSettings()), jwks, jwksUri)
                .build())
        .tokenSettings(
            TokenSettings.withSettings(base.getTokenSettings().getSettings())
                .accessTokenTimeToLive(access)
                .refreshTokenTimeToLive(refresh)
                .build())
        .build();
  }

  private ClientView view(RegisteredClient client) {
    String method =
        client.getClientAuthenticationMethods().stream()
            .map(ClientAuthenticationMethod::getValue)
            .findFirst()
            .orElse("none");
    ClientSettings settings = client.getClientSettings();
    return new ClientView(
        client.getClientId(),
        client.getClientName(),
        method,
        client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).sorted().toList(),
        client.getRedirectUris().stream().sorted().toList(),
        String.join(" ", client.getScopes().stream().sorted().toList()),
        inlineJwks(settings),
        settings.getJwkSetUrl(),
        client.getTokenSettings().getAccessTokenTimeToLive().toSeconds(),
        client.getTokenSettings().getRefreshTokenTimeToLive().toSeconds(),
        pending(client.getClientId()),
        null);
  }

  private static Map<String, Object> inlineJwks(ClientSettings settings) {
    Object json = settings.getSetting(ClientKeySettings.INLINE_JWKS);
    try {
      return json instanceof String text && !text.isBlank() ? JWKSet.parse(text).toJSONObject(true) : null;
    } catch (ParseException e) {
      return null;
    }
  }

  private String pending(String clientId) {
    return jdbc.queryForList(
            "SELECT pending_scopes FROM client_registration WHERE client_id = ?", String.class, clientId)
        .stream()
        .filter(p -> !p.isBlank())
        .findFirst()
        .orElse(null);
  }

  /** Restricted scopes a registered client asked for stop being pending once the admin grants them. */
  private void grantPending(String clientId, Set<String> scopes) {
    String pending = pending(clientId);
    if (pending != null) {
      Set<String> still = new LinkedHashSet<>(Arrays.asList(pending.split(" ")));
      still.removeAll(scopes);
      jdbc.update(
          "UPDATE client_registration SET pending_scopes = ? WHERE client_id = ?", String.join(" ", still), clientId);
    }
  }

  private static boolean needsSecret(ClientAuthenticationMethod method) {
    return ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
        || ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method);
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
