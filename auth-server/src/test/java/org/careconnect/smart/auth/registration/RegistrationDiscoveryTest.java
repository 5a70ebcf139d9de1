package org.careconnect.smart.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Spring's discovery documents name the registration endpoint and the methods really accepted. */
@AuthServerIntegrationTest
class RegistrationDiscoveryTest {

  @LocalServerPort int port;

  @Test
  void discoveryWhenRequestedThenRegistrationEndpointAndSupportedClientAuthentication() {
    for (String path :
        List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
      Map<String, Object> metadata = SmartFlow.json(new Browser(port).get(path));

      assertThat(metadata)
          .as(path)
          .containsEntry("registration_endpoint", "http://localhost:9000/register")
          .containsEntry(
              "token_endpoint_auth_methods_supported",
              List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"))
          .containsEntry(
              "token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384", "RS256"))
          .containsEntry(
              "introspection_endpoint_auth_methods_supported",
              List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
    }
  }
}
