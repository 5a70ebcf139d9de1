package org.careconnect.smart.auth.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SMART 2.2 §conformance, OpenID Connect Discovery 1.0, RFC 7517 JWKS. */
@AuthServerIntegrationTest
class DiscoveryTest {

  static final String ISSUER = "http://localhost:9000";

  @LocalServerPort int port;

  @Test
  void smartConfigurationWithEveryRequiredFieldWhenRequested() {
    HttpResponse<String> response =
        new Browser(port).get("/.well-known/smart-configuration", "Origin", "https://any.app");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.ofEntries(
                Map.entry("issuer", ISSUER),
                Map.entry("jwks_uri", ISSUER + "/oauth2/jwks"),
                Map.entry("authorization_endpoint", ISSUER + "/oauth2/authorize"),
                Map.entry("token_endpoint", ISSUER + "/oauth2/token"),
                Map.entry("introspection_endpoint", ISSUER + "/oauth2/introspect"),
                Map.entry("revocation_endpoint", ISSUER + "/oauth2/revoke"),
                Map.entry("registration_endpoint", ISSUER + "/register"),
                Map.entry("userinfo_endpoint", ISSUER + "/userinfo"),
                Map.entry(
                    "grant_types_supported",
                    List.of("authorization_code", "refresh_token", "client_credentials")),
                Map.entry(
                    "token_endpoint_auth_methods_supported",
                    List.of("client_secret_basic", "client_secret_post", "none", "private_key_jwt")),
                Map.entry(
                    "token_endpoint_auth_signing_alg_values_supported",
                    List.of("RS384", "ES384", "RS256")),
                Map.entry("scopes_supported", SmartConfigurationController.SCOPES_SUPPORTED),
                Map.entry("response_types_supported", List.of("code")),
                Map.entry("code_challenge_methods_supported", List.of("S256")),
                Map.entry(
                    "capabilities",
                    List.of(
                        "launch-ehr", "launch-standalone", "client-public",
                        "client-confidential-symmetric", "client-confidential-asymmetric",
                        "context-ehr-patient", "context-ehr-encounter", "context-standalone-patient",
                        "context-banner", "context-style", "sso-openid-connect",
                        "permission-offline", "permission-online", "permission-patient",
                        "permission-user", "permission-v1", "permission-v2", "authorize-post"))));
  }

  @Test
  void openidConfigurationWithIssuerAndS256WhenRequested() {
    HttpResponse<String> response =
        new Browser(port).get("/.well-known/openid-configuration", "Origin", "https://any.app");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(SmartFlow.json(response))
        .containsEntry("issuer", ISSUER)
        .containsEntry("jwks_uri", ISSUER + "/oauth2/jwks")
        .containsEntry("code_challenge_methods_supported", List.of("S256"));
  }

  @Test
  void publicEcAndRsaSigningKeysWhenJwksRequested() {
    Map<String, Object> jwks = SmartFlow.json(new Browser(port).get("/oauth2/jwks"));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
    assertThat(keys)
        .anySatisfy(k -> assertThat(k)
            .containsEntry("kty", "RSA")
            .containsEntry("alg", "RS256")
            .containsEntry("use", "sig")
            .containsKeys("kid", "n", "e")
            .doesNotContainKeys("d", "p", "q"))
        .anySatisfy(k -> assertThat(k)
            .containsEntry("kty", "EC")
            .containsEntry("crv", "P-256")
            .containsEntry("alg", "ES256")
            .containsEntry("use", "sig")
            .containsKeys("kid", "x", "y")
            .doesNotContainKeys("d"));
  }
}
