package org.careconnect.smart.auth.client;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The backend-services demo client {@code careconnect-backend} (demo profile only): its public
 * keys come from {@code careconnect.auth.demo.backend-client-jwks}; its private key is published
 * in {@code demo/} so scripts/backend-token.sh can get a token. Created only when absent.
 */
@Component
@Profile("demo")
class DemoBackendClient implements ApplicationRunner {

  static final String CLIENT_ID = "careconnect-backend";
  static final List<String> SCOPES = List.of("system/*.rs", "system/*.read");
  private static final Logger log = LoggerFactory.getLogger(DemoBackendClient.class);

  private final RegisteredClientRepository clients;
  private final BackendClients backendClients;
  private final Resource jwks;

  DemoBackendClient(
      RegisteredClientRepository clients,
      BackendClients backendClients,
      @Value("${careconnect.auth.demo.backend-client-jwks}") Resource jwks) {
    this.clients = clients;
    this.backendClients = backendClients;
    this.jwks = jwks;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException, ParseException {
    if (clients.findByClientId(CLIENT_ID) != null) {
      return;
    }
    JWKSet keys;
    try (InputStream in = jwks.getInputStream()) {
      keys = JWKSet.load(in);
    }
    clients.save(
        backendClients.backendService(
            null, CLIENT_ID, "CareConnect backend-services demo client", keys, null, SCOPES));
    log.info("Demo client {} created (backend services, private_key_jwt)", CLIENT_ID);
  }
}
