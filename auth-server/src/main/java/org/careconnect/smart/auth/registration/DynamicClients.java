package org.careconnect.smart.auth.registration;

import com.nimbusds.jose.jwk.JWKSet;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.careconnect.smart.auth.client.BackendClients;
import org.careconnect.smart.auth.client.ClientKeySettings;
import org.careconnect.smart.auth.client.SmartClients;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, reads, updates and deletes clients for RFC 7591 and RFC 7592. A registered client is
 * built like an admin-made one ({@link SmartClients}, {@link BackendClients}: PKCE for public
 * clients, consent, refresh rotation), with the restricted scopes held back ({@link
 * RestrictedScopes}). Secrets and registration access tokens are random, shown once, and stored
 * only hashed.
 */
class DynamicClients {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RegisteredClientRepository clients;
  private final ClientRegistrations registrations;
  private final ClientMetadataRules rules;
  private final RestrictedScopes restricted;
  private final SmartClients smartClients;
  private final BackendClients backendClients;
  private final PasswordEncoder passwords;
  private final Clock clock;

  DynamicClients(
      RegisteredClientRepository clients,
      ClientRegistrations registrations,
      ClientMetadataRules rules,
      RestrictedScopes restricted,
      SmartClients smartClients,
      BackendClients backendClients,
      PasswordEncoder passwords,
      Clock clock) {
    this.clients = clients;
    this.registrations = registrations;
    this.rules = rules;
    this.restricted = restricted;
    this.smartClients = smartClients;
    this.backendClients = backendClients;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** A client with its registration; {@code secret} and {@code token} only when just issued. */
  record Issued(
      RegisteredClient client,
      ClientRegistrations.Registration registration,
      String secret,
      String token) {}

  @Transactional
  Issued register(Map<String, Object> json) {
    ClientMetadata metadata = ClientMetadata.read(json);
    rules.check(metadata);
    RestrictedScopes.Split scopes = restricted.split(metadata.scope(), Set.of());
    String clientId = random(16);
    String secret = needsSecret(metadata) ? random(32) : null;
    RegisteredClient client =
        build(metadata, null, clientId, clock.instant(), secret == null ? null : passwords.encode(secret), scopes.granted());
    clients.save(client);
    String token = random(32);
    ClientRegistrations.Registration registration =
        new ClientRegistrations.Registration(
            clientId, ClientRegistrations.sha256(token), scopes.pending(), metadata.informational());
    registrations.insert(registration, clock.instant().getEpochSecond());
    return new Issued(client, registration, secret, token);
  }

  /** RFC 7592 §2.1: the client, if {@code token} is its registration access token. */
  Issued read(String clientId, String token) {
    ClientRegistrations.Registration registration =
        registrations.find(clientId)
            .filter(r -> token != null && r.acceptsToken(token))
            .orElseThrow(
                () -> RegistrationException.invalidToken("not the registration access token of this client"));
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      throw RegistrationException.invalidToken("not the registration access token of this client");
    }
    return new Issued(client, registration, null, null);
  }

  /**
   * RFC 7592 §2.2: replaces the client's metadata. A secret is issued only when the client newly
   * needs one; restricted scopes an admin granted stay while the client still asks for them.
   */
  @Transactional
  Issued update(String clientId, String token, Map<String, Object> json) {
    Issued current = read(clientId, token);
    if (json.containsKey("client_id") && !clientId.equals(json.get("client_id"))) {
      throw RegistrationException.invalidMetadata("client_id must be the registered client's");
    }
    ClientMetadata metadata = ClientMetadata.read(json);
    rules.check(metadata);
    RegisteredClient existing = current.client();
    RestrictedScopes.Split scopes = restricted.split(metadata.scope(), existing.getScopes());
    String secret = null;
    String hashedSecret = null;
    if (needsSecret(metadata)) {
      if (existing.getClientSecret() != null) {
        hashedSecret = existing.getClientSecret();
      } else {
        secret = random(32);
        hashedSecret = passwords.encode(secret);
      }
    }
    RegisteredClient client =
        build(metadata, existing.getId(), clientId, existing.getClientIdIssuedAt(), hashedSecret, scopes.granted());
    clients.save(client);
    registrations.update(clientId, scopes.pending(), metadata.informational());
    return new Issued(
        client,
        new ClientRegistrations.Registration(
            clientId, current.registration().tokenHash(), scopes.pending(), metadata.informational()),
        secret,
        null);
  }

  /** RFC 7592 §2.3: deletes the client, its grants and its registration. */
  void delete(String clientId, String token) {
    Issued current = read(clientId, token);
    registrations.delete(clientId, current.client().getId());
  }

  private static boolean needsSecret(ClientMetadata metadata) {
    return metadata.tokenEndpointAuthMethod().startsWith("client_secret_");
  }

  private RegisteredClient build(
      ClientMetadata metadata,
      String id,
      String clientId,
      Instant issuedAt,
      String hashedSecret,
      Set<String> scopes) {
    ClientAuthenticationMethod method = ClientMetadataRules.METHODS.get(metadata.tokenEndpointAuthMethod());
    Set<AuthorizationGrantType> grants =
        Set.copyOf(metadata.grantTypes().stream().map(ClientMetadataRules.GRANT_TYPES::get).toList());
    String name = metadata.clientName() == null ? clientId : metadata.clientName();
    JWKSet jwks = jwks(metadata);
    if (!grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
      RegisteredClient backend =
          backendClients.backendService(id, clientId, name, jwks, metadata.jwksUri(), scopes);
      return RegisteredClient.from(backend).clientIdIssuedAt(issuedAt).build();
    }
    RegisteredClient app =
        ClientAuthenticationMethod.NONE.equals(method)
            ? smartClients.publicApp(clientId, name, metadata.redirectUris(), scopes)
            : smartClients.confidentialApp(clientId, name, hashedSecret, metadata.redirectUris(), scopes);
    RegisteredClient.Builder builder = RegisteredClient.from(app).clientIdIssuedAt(issuedAt);
    if (id != null) {
      builder.id(id);
    }
    return builder
        .clientAuthenticationMethods(methods -> {
          methods.clear();
          methods.add(method);
        })
        .authorizationGrantTypes(types -> {
          types.clear();
          types.addAll(grants);
        })
        .clientSettings(
            BackendClients.withKeys(
                    ClientSettings.withSettings(app.getClientSettings().getSettings()),
                    jwks,
                    metadata.jwksUri())
                .build())
        .build();
  }

  private static JWKSet jwks(ClientMetadata metadata) {
    try {
      return metadata.jwks() == null ? null : ClientKeySettings.parsePublic(metadata.jwks());
    } catch (ParseException e) {
      throw RegistrationException.invalidMetadata("jwks is not a usable JWK Set");
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
