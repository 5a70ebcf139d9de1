package org.careconnect.smart.auth.launch;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import org.careconnect.smart.auth.client.BackendClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;

/**
 * The demo profile's launcher client {@code smart-launcher}: it may call {@code POST /api/launch}
 * (scope {@value LaunchApiSecurityConfig#API_SCOPE}) with HTTP Basic and its demo secret, and it
 * gets its own backend-services token ({@code client_credentials} + {@code private_key_jwt}, its
 * public key from {@code careconnect.auth.demo.launcher-client-jwks}) to search patients and
 * encounters: {@link #FHIR_SCOPES} only. Created when absent; a launcher client stored by an older
 * demo (secret only) gets the key and the FHIR scopes added, keeping its secret.
 */
@Component
@Profile("demo")
class LauncherDemoClient implements ApplicationRunner {

  static final String CLIENT_ID = "smart-launcher";
  /** Read and search only, and only what the launcher's patient and encounter search needs. */
  static final List<String> FHIR_SCOPES = List.of("system/Patient.rs", "system/Encounter.rs");
  private static final Logger log = LoggerFactory.getLogger(LauncherDemoClient.class);

  private final RegisteredClientRepository clients;
  private final PasswordEncoder encoder;
  private final String secret;
  private final Resource jwks;

  LauncherDemoClient(
      RegisteredClientRepository clients,
      PasswordEncoder encoder,
      @Value("${careconnect.auth.demo.launcher-client-secret}") String secret,
      @Value("${careconnect.auth.demo.launcher-client-jwks}") Resource jwks) {
    this.clients = clients;
    this.encoder = encoder;
    this.secret = secret;
    this.jwks = jwks;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException, ParseException {
    RegisteredClient stored = clients.findByClientId(CLIENT_ID);
    if (stored != null
        && stored.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT)) {
      return;
    }
    RegisteredClient.Builder client =
        stored == null
            ? RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientName("CareConnect SMART launcher")
                .clientSecret(encoder.encode(secret))
            : RegisteredClient.from(stored);
    clients.save(
        client
            // The secret authenticates POST /api/launch; the key the token endpoint, where
            // system/ scopes require private_key_jwt (SMART 2.2 §backend services).
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(LaunchApiSecurityConfig.API_SCOPE)
            .scopes(scopes -> scopes.addAll(FHIR_SCOPES))
            .clientSettings(BackendClients.withKeys(ClientSettings.builder(), load(jwks), null).build())
            .build());
    log.info("Demo client {} {}", CLIENT_ID, stored == null ? "created" : "given its key and FHIR scopes");
  }

  private static JWKSet load(Resource jwks) throws IOException, ParseException {
    try (InputStream in = jwks.getInputStream()) {
      return JWKSet.load(in);
    }
  }
}
