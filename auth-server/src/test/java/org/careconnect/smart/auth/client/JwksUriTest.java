package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careconnect.smart.auth.client.ClientAssertions.claims;
import static org.careconnect.smart.auth.client.ClientAssertions.sign;
import static org.careconnect.smart.auth.client.ClientAssertions.tokenRequest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.util.List;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** A backend client whose keys are at its jwks_uri (SMART 2.2 §registering a client). */
@AuthServerIntegrationTest
class JwksUriTest {

  @LocalServerPort int port;
  @Autowired BackendClients backendClients;
  @Autowired RegisteredClientRepository repository;
  @Autowired AuthServerProperties server;
  JwksServer jwks;
  RSAKey key;
  RegisteredClient client;

  @BeforeEach
  void client() throws Exception {
    jwks = new JwksServer();
    key = ClientAssertions.rsaKey();
    jwks.serve(new JWKSet(key).toString(true));
    client = new BackendFixtures(backendClients, repository).withJwksUri(List.of("system/*.rs"), jwks.url());
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  HttpResponse<String> token(RSAKey signer) {
    String assertion =
        sign(signer, JWSAlgorithm.RS384, claims(client.getClientId(), server.issuer() + "/oauth2/token").build());
    return new Browser(port).post("/oauth2/token", tokenRequest(assertion, "system/Patient.rs"));
  }

  @Test
  void tokenWhenKeyPublishedAtJwksUriThenIssuedAndJwksCachedForTheNextRequest() {
    assertThat(token(key).statusCode()).isEqualTo(200);
    assertThat(token(key).statusCode()).isEqualTo(200);

    assertThat(jwks.requests()).isEqualTo(1);
  }

  @Test
  void invalidClientWhenKeyNotPublishedThenRefusedAfterOneRefetch() {
    assertThat(token(key).statusCode()).isEqualTo(200);
    // an unknown kid may refetch only once per interval: two bad assertions, no second fetch
    HttpResponse<String> refused = token(ClientAssertions.rsaKey());
    token(ClientAssertions.rsaKey());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(refused).get("error")).isEqualTo("invalid_client");
    assertThat(jwks.requests()).isEqualTo(1);
  }
}
