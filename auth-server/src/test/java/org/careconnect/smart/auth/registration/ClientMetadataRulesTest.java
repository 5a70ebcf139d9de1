package org.careconnect.smart.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.client.ClientAssertions;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The metadata rules of registration (RFC 7591 §2, RFC 8252 §7), each refused over HTTP with 400
 * and the RFC 7591 §3.2.2 error, and the accepted forms beside them.
 */
@AuthServerIntegrationTest
class ClientMetadataRulesTest {

  @LocalServerPort int port;
  Registrar registrar;

  @BeforeEach
  void registrar() {
    registrar = new Registrar(new Browser(port));
  }

  HttpResponse<String> register(String field, Object value) {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put(field, value);
    return registrar.register(metadata);
  }

  HttpResponse<String> confidential(String field, Object value) {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("token_endpoint_auth_method", "client_secret_basic");
    metadata.put(field, value);
    return registrar.register(metadata);
  }

  static Map<String, Object> privateKeyJwtApp() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("token_endpoint_auth_method", "private_key_jwt");
    return metadata;
  }

  static void assertRefused(HttpResponse<String> response, String error, String description) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(Map.of("error", error, "error_description", description));
  }

  static void assertCreated(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  // redirect_uris

  @Test
  void invalidRedirectUriWhenPlainHttpOnAPublicHostThenRefused() {
    assertRefused(
        register("redirect_uris", List.of("http://app.example/callback")),
        "invalid_redirect_uri",
        "redirect_uri must use https, or http only on a loopback address (127.0.0.1 or [::1],"
            + " RFC 8252 §7.3): http://app.example/callback");
  }

  @Test
  void invalidRedirectUriWhenHttpLocalhostThenRefused() {
    assertThat(register("redirect_uris", List.of("http://localhost:8000/cb")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void invalidRedirectUriWhenFragmentThenRefused() {
    assertRefused(
        register("redirect_uris", List.of("https://app.example/callback#x")),
        "invalid_redirect_uri",
        "redirect_uri must not have a fragment: https://app.example/callback#x");
  }

  @Test
  void invalidRedirectUriWhenJavascriptSchemeThenRefused() {
    assertRefused(
        register("redirect_uris", List.of("javascript:alert(1)")),
        "invalid_redirect_uri",
        "redirect_uri must use https, loopback http, or (for a native app, i.e. a public client) a"
            + " private-use scheme such as com.example.app (RFC 8252 §7.1): javascript:alert(1)");
  }

  @Test
  void invalidRedirectUriWhenAuthorizationCodeWithoutRedirectUrisThenRefused() {
    assertRefused(
        register("redirect_uris", List.of()),
        "invalid_redirect_uri",
        "redirect_uris are required for authorization_code");
  }

  @Test
  void createdWhenLoopbackRedirectUrisThenAccepted() {
    assertCreated(
        register("redirect_uris", List.of("http://127.0.0.1:43123/cb", "http://[::1]/cb")));
  }

  @Test
  void createdWhenNativeAppUsesPrivateUseSchemeThenAccepted() {
    assertCreated(register("redirect_uris", List.of("org.careconnect.app:/oauth2redirect")));
  }

  @Test
  void invalidRedirectUriWhenConfidentialClientUsesPrivateUseSchemeThenRefused() {
    assertThat(
            confidential("redirect_uris", List.of("org.careconnect.app:/oauth2redirect"))
                .statusCode())
        .isEqualTo(400);
  }

  // token_endpoint_auth_method and grant_types

  @Test
  void invalidClientMetadataWhenUnsupportedAuthMethodThenRefused() {
    assertRefused(
        register("token_endpoint_auth_method", "client_secret_jwt"),
        "invalid_client_metadata",
        "token_endpoint_auth_method must be one of none, client_secret_basic, client_secret_post,"
            + " private_key_jwt");
  }

  @Test
  void invalidClientMetadataWhenImplicitGrantThenRefused() {
    assertRefused(
        register("grant_types", List.of("implicit")),
        "invalid_client_metadata",
        "grant_types may hold authorization_code, refresh_token and client_credentials, not implicit");
  }

  @Test
  void invalidClientMetadataWhenRefreshTokenWithoutAuthorizationCodeThenRefused() {
    assertRefused(
        register("grant_types", List.of("refresh_token")),
        "invalid_client_metadata",
        "refresh_token needs the authorization_code grant");
  }

  @Test
  void invalidClientMetadataWhenClientCredentialsWithASecretThenRefused() {
    assertRefused(
        confidential("grant_types", List.of("client_credentials")),
        "invalid_client_metadata",
        "client_credentials needs private_key_jwt");
  }

  @Test
  void invalidClientMetadataWhenResponseTypeTokenThenRefused() {
    assertRefused(
        register("response_types", List.of("token")),
        "invalid_client_metadata",
        "response_types must be [\"code\"]");
  }

  @Test
  void invalidClientMetadataWhenFieldHasTheWrongTypeThenRefused() {
    assertRefused(
        register("redirect_uris", "https://app.example/callback"),
        "invalid_client_metadata",
        "redirect_uris must be an array of at most 20 strings");
  }

  // keys

  @Test
  void invalidClientMetadataWhenPrivateKeyJwtWithoutKeysThenRefused() {
    assertRefused(
        register("token_endpoint_auth_method", "private_key_jwt"),
        "invalid_client_metadata",
        "private_key_jwt needs jwks or jwks_uri");
  }

  @Test
  void invalidClientMetadataWhenJwksAndJwksUriBothGivenThenRefused() {
    Map<String, Object> metadata = privateKeyJwtApp();
    metadata.put("jwks", publicJwks());
    metadata.put("jwks_uri", "https://93.184.215.14/jwks.json");

    assertRefused(registrar.register(metadata), "invalid_client_metadata", "give jwks or jwks_uri, not both");
  }

  @Test
  void invalidClientMetadataWhenJwksHoldsAPrivateKeyThenRefused() {
    Map<String, Object> metadata = privateKeyJwtApp();
    metadata.put("jwks", Map.of("keys", List.of(ClientAssertions.rsaKey().toJSONObject())));

    assertRefused(
        registrar.register(metadata),
        "invalid_client_metadata",
        "jwks is not a usable JWK Set: the JWK Set holds a private key");
  }

  @Test
  void createdWhenPrivateKeyJwtAppWithPublicJwksThenAccepted() {
    Map<String, Object> metadata = privateKeyJwtApp();
    metadata.put("jwks", publicJwks());

    HttpResponse<String> response = registrar.register(metadata);
    assertCreated(response);
    assertThat(SmartFlow.json(response)).containsEntry("jwks", metadata.get("jwks"));
  }

  // URLs the server or a browser would fetch: https and never internal

  @Test
  void invalidClientMetadataWhenLogoUriIsTheMetadataServiceThenRefused() {
    assertRefused(
        register("logo_uri", "https://169.254.169.254/latest/meta-data/"),
        "invalid_client_metadata",
        "logo_uri must not point to an internal address");
  }

  @Test
  void invalidClientMetadataWhenJwksUriIsPrivateThenRefused() {
    Map<String, Object> metadata = privateKeyJwtApp();
    metadata.put("jwks_uri", "https://10.1.2.3/jwks.json");

    assertRefused(
        registrar.register(metadata),
        "invalid_client_metadata",
        "jwks_uri must not point to an internal address");
  }

  @Test
  void invalidClientMetadataWhenClientUriIsLoopbackOrLocalhostThenRefused() {
    for (String url :
        List.of(
            "https://127.0.0.1/", "https://[::1]/", "https://localhost/", "https://192.168.1.10/",
            "https://[fd00:ec2::254]/", "https://100.100.100.200/", "https://0.0.0.0/")) {
      assertRefused(
          register("client_uri", url),
          "invalid_client_metadata",
          "client_uri must not point to an internal address");
    }
  }

  @Test
  void invalidClientMetadataWhenPolicyUriIsPlainHttpThenRefused() {
    assertRefused(
        register("policy_uri", "http://93.184.215.14/policy"),
        "invalid_client_metadata",
        "policy_uri must use https");
  }

  @Test
  void invalidClientMetadataWhenTosUriHostDoesNotResolveThenRefused() {
    assertRefused(
        register("tos_uri", "https://no-such-host.invalid/tos"),
        "invalid_client_metadata",
        "tos_uri has a host that does not resolve");
  }

  @Test
  void createdWhenInformationalUrlsArePublicThenStoredAndReturnedNeverFetched() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("logo_uri", "https://93.184.215.14/logo.png");
    metadata.put("client_uri", "https://93.184.215.14/");
    metadata.put("contacts", List.of("admin@app.example"));

    HttpResponse<String> response = registrar.register(metadata);
    assertCreated(response);
    assertThat(SmartFlow.json(response))
        .containsEntry("logo_uri", "https://93.184.215.14/logo.png")
        .containsEntry("client_uri", "https://93.184.215.14/")
        .containsEntry("contacts", List.of("admin@app.example"));
  }

  static Map<String, Object> publicJwks() {
    return Map.of("keys", List.of(ClientAssertions.rsaKey().toPublicJWK().toJSONObject()));
  }
}
