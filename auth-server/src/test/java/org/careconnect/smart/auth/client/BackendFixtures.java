package org.careconnect.smart.auth.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Saves backend-services clients with unique ids through the server's own builder. */
record BackendFixtures(BackendClients builder, RegisteredClientRepository repository) {

  RegisteredClient withKeys(List<String> scopes, JWK... keys) {
    RegisteredClient client =
        builder.backendService(
            null, "backend-" + UUID.randomUUID(), "Test backend", new JWKSet(List.of(keys)), null, scopes);
    repository.save(client);
    return client;
  }

  RegisteredClient withJwksUri(List<String> scopes, String jwksUri) {
    RegisteredClient client =
        builder.backendService(
            null, "backend-" + UUID.randomUUID(), "Test backend", null, jwksUri, scopes);
    repository.save(client);
    return client;
  }
}
