package org.careconnect.smart.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * RFC 7592: reading, updating and deleting a registration at its registration_client_uri, with
 * its registration access token and without.
 */
@AuthServerIntegrationTest
class ClientConfigurationTest {

  static final Map<String, Object> INVALID_TOKEN =
      Map.of(
          "error", "invalid_token",
          "error_description", "not the registration access token of this client");

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository repository;
  Browser browser;
  Registrar registrar;
  Map<String, Object> registered;
  String clientUri;
  String token;

  @BeforeEach
  void register() {
    browser = new Browser(port);
    registrar = new Registrar(browser);
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("token_endpoint_auth_method", "client_secret_basic");
    registered = SmartFlow.json(registrar.register(metadata));
    clientUri = (String) registered.get("registration_client_uri");
    token = (String) registered.get("registration_access_token");
  }

  static void assertInvalidToken(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response)).isEqualTo(INVALID_TOKEN);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
  }

  @Test
  void readWhenRegistrationAccessTokenThenSameMetadataWithoutSecrets() {
    HttpResponse<String> response = registrar.read(clientUri, token);

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> read = SmartFlow.json(response);
    Map<String, Object> expected = new LinkedHashMap<>(registered);
    expected.remove("client_secret");
    expected.remove("client_secret_expires_at");
    expected.remove("registration_access_token");
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void readWhenNoTokenThenUnauthorized() {
    assertInvalidToken(registrar.read(clientUri, null));
  }

  @Test
  void readWhenAnotherClientsTokenThenUnauthorized() {
    Map<String, Object> other = SmartFlow.json(registrar.register(Registrar.publicApp()));

    assertInvalidToken(registrar.read(clientUri, (String) other.get("registration_access_token")));
  }

  @Test
  void readWhenInitialAccessTokenInsteadThenUnauthorized() {
    assertInvalidToken(registrar.read(clientUri, Registrar.INITIAL_TOKEN));
  }

  @Test
  void readWhenClientUnknownThenUnauthorized() {
    assertInvalidToken(registrar.read("/register/no-such-client", token));
  }

  @Test
  void updateWhenRegistrationAccessTokenThenMetadataReplacedAndSecretKept() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("client_id", registered.get("client_id"));
    metadata.put("token_endpoint_auth_method", "client_secret_basic");
    metadata.put("redirect_uris", List.of("https://app.example/new-callback"));
    metadata.put("client_name", "Renamed app");
    HttpResponse<String> response = registrar.update(clientUri, token, metadata);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(SmartFlow.json(response))
        .containsEntry("redirect_uris", List.of("https://app.example/new-callback"))
        .containsEntry("client_name", "Renamed app")
        .doesNotContainKeys("client_secret", "registration_access_token");
    RegisteredClient client = repository.findByClientId((String) registered.get("client_id"));
    assertThat(client.getRedirectUris()).containsExactly("https://app.example/new-callback");
    // the secret issued at registration still authenticates the client
    HttpResponse<String> introspect =
        browser.post(
            "/oauth2/introspect",
            Map.of("token", "unknown"),
            "Authorization",
            SmartFlow.basic(client.getClientId(), (String) registered.get("client_secret")));
    assertThat(introspect.statusCode()).isEqualTo(200);
  }

  @Test
  void updateWhenAdminGrantedRestrictedScopeThenKeptWhileStillRequested() {
    RegisteredClient client = repository.findByClientId((String) registered.get("client_id"));
    repository.save(RegisteredClient.from(client).scope("careconnect/launch").build());
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("token_endpoint_auth_method", "client_secret_basic");
    metadata.put("scope", "openid careconnect/launch system/*.rs");

    HttpResponse<String> response = registrar.update(clientUri, token, metadata);

    assertThat(SmartFlow.json(response)).containsEntry("scope", "careconnect/launch openid");
  }

  @Test
  void updateWhenBodyNamesAnotherClientIdThenInvalidClientMetadata() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("client_id", "someone-else");
    HttpResponse<String> response = registrar.update(clientUri, token, metadata);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            Map.of(
                "error", "invalid_client_metadata",
                "error_description", "client_id must be the registered client's"));
  }

  @Test
  void updateWhenBadRedirectUriThenInvalidRedirectUriAndNothingChanged() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("redirect_uris", List.of("http://app.example/cb"));
    HttpResponse<String> response = registrar.update(clientUri, token, metadata);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response).get("error")).isEqualTo("invalid_redirect_uri");
    assertThat(repository.findByClientId((String) registered.get("client_id")).getRedirectUris())
        .containsExactly("https://app.example/callback");
  }

  @Test
  void updateWhenNoTokenThenUnauthorized() {
    assertInvalidToken(registrar.update(clientUri, null, Registrar.publicApp()));
  }

  @Test
  void deleteWhenRegistrationAccessTokenThenGoneAndCredentialsRefused() {
    HttpResponse<String> response = registrar.delete(clientUri, token);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(repository.findByClientId((String) registered.get("client_id"))).isNull();
    assertInvalidToken(registrar.read(clientUri, token));
    HttpResponse<String> introspect =
        browser.post(
            "/oauth2/introspect",
            Map.of("token", "unknown"),
            "Authorization",
            SmartFlow.basic((String) registered.get("client_id"), (String) registered.get("client_secret")));
    assertThat(introspect.statusCode()).isEqualTo(401);
  }

  @Test
  void deleteWhenNoTokenThenUnauthorizedAndClientKept() {
    assertInvalidToken(registrar.delete(clientUri, null));
    assertThat(repository.findByClientId((String) registered.get("client_id"))).isNotNull();
  }
}
