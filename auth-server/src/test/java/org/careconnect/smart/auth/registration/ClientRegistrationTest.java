package org.careconnect.smart.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.client.ClientAssertions;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * RFC 7591 registration with an initial access token (registration is not open in this
 * profile), and what a registered client can then do. Metadata rules: {@link
 * ClientMetadataRulesTest}; RFC 7592: {@link ClientConfigurationTest}.
 */
@AuthServerIntegrationTest
class ClientRegistrationTest {

  @LocalServerPort int port;
  @Autowired RegisteredClientRepository repository;
  @Autowired Fixtures fixtures;
  Browser browser;
  Registrar registrar;

  @BeforeEach
  void registrar() {
    browser = new Browser(port);
    registrar = new Registrar(browser);
  }

  static Map<String, Object> error(String code, String description) {
    return Map.of("error", code, "error_description", description);
  }

  @Test
  void unauthorizedWhenNoInitialAccessTokenThenInvalidTokenAndNothingRegistered() {
    HttpResponse<String> response = registrar.register(Registrar.publicApp(), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response))
        .isEqualTo(error("invalid_token", "registration needs a valid initial access token"));
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
  }

  @Test
  void unauthorizedWhenWrongInitialAccessTokenThenInvalidToken() {
    HttpResponse<String> response =
        registrar.register(Registrar.publicApp(), Registrar.INITIAL_TOKEN + "x");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SmartFlow.json(response))
        .isEqualTo(error("invalid_token", "registration needs a valid initial access token"));
  }

  @Test
  void createdWhenPublicAppThenClientInformationWithoutSecretAndPkceRequired() {
    HttpResponse<String> response = registrar.register(Registrar.publicApp());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    Map<String, Object> body = SmartFlow.json(response);
    String clientId = (String) body.get("client_id");
    assertThat(body)
        .containsEntry("token_endpoint_auth_method", "none")
        .containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
        .containsEntry("response_types", List.of("code"))
        .containsEntry("redirect_uris", List.of("https://app.example/callback"))
        .containsEntry("client_name", "Registered test app")
        .containsEntry("scope", "fhirUser launch/patient openid patient/*.rs")
        .containsEntry("registration_client_uri", "http://localhost:9000/register/" + clientId)
        .containsKeys("registration_access_token", "client_id_issued_at")
        .doesNotContainKeys("client_secret");
    assertThat(response.headers().firstValue("Location"))
        .hasValue("http://localhost:9000/register/" + clientId);
    RegisteredClient client = repository.findByClientId(clientId);
    assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
    assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isTrue();
  }

  @Test
  void tokenWhenRegisteredConfidentialAppRunsAuthorizationCodeWithPkceThenIssued() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("token_endpoint_auth_method", "client_secret_basic");
    metadata.put("scope", "openid patient/*.rs");
    Map<String, Object> registered = SmartFlow.json(registrar.register(metadata));
    assertThat(registered).containsEntry("client_secret_expires_at", 0);

    SmartFlow flow =
        new SmartFlow(browser, repository.findByClientId((String) registered.get("client_id")));
    flow.clientSecret = (String) registered.get("client_secret");
    String code = flow.code(fixtures.patient("p-registered"), "openid patient/*.rs");
    HttpResponse<String> token = flow.exchange(code);

    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    assertThat(SmartFlow.json(token)).containsKeys("access_token", "id_token");
  }

  @Test
  void tokenWhenRegisteredAsymmetricAppExchangesCodeWithAssertionAndVerifierThenIssued() {
    RSAKey key = ClientAssertions.rsaKey();
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("token_endpoint_auth_method", "private_key_jwt");
    metadata.put("jwks", Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
    metadata.put("scope", "openid patient/*.rs");
    Map<String, Object> registered = SmartFlow.json(registrar.register(metadata));
    SmartFlow flow =
        new SmartFlow(browser, repository.findByClientId((String) registered.get("client_id")));
    String code = flow.code(fixtures.patient("p-asymmetric"), "openid patient/*.rs");

    HttpResponse<String> wrongVerifier = exchangeWithAssertion(flow, key, code, flow.verifier + "x");
    assertThat(wrongVerifier.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(wrongVerifier))
        .isEqualTo(
            Map.of("error", "invalid_grant", "error_description", "Client authentication failed: code_verifier"));

    String secondCode = flow.code(fixtures.patient("p-asymmetric-2"), "openid patient/*.rs");
    HttpResponse<String> token = exchangeWithAssertion(flow, key, secondCode, flow.verifier);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    assertThat(SmartFlow.json(token)).containsKeys("access_token", "id_token");
  }

  private HttpResponse<String> exchangeWithAssertion(
      SmartFlow flow, RSAKey key, String code, String verifier) {
    JWTClaimsSet claims =
        ClientAssertions.claims(flow.client.getClientId(), "http://localhost:9000/oauth2/token").build();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", flow.client.getRedirectUris().iterator().next());
    form.put("code_verifier", verifier);
    form.put("client_assertion_type", ClientAssertions.JWT_BEARER);
    form.put("client_assertion", ClientAssertions.sign(key, JWSAlgorithm.RS384, claims));
    return browser.post("/oauth2/token", form);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "openid patient/*.rs system/*.rs careconnect/launch; openid patient/*.rs",
      "openid user/*.rs careconnect/audit; openid user/*.rs"})
  void scopeWhenRestrictedScopesRequestedThenHeldBackForAnAdmin(String requested, String granted) {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("scope", requested);
    HttpResponse<String> response = registrar.register(metadata);

    assertThat(response.statusCode()).isEqualTo(201);
    Map<String, Object> body = SmartFlow.json(response);
    assertThat(body).containsEntry("scope", granted);
    assertThat(repository.findByClientId((String) body.get("client_id")).getScopes())
        .containsExactlyInAnyOrder(granted.split(" "));
  }

  @Test
  void invalidClientMetadataWhenUnknownCustomScopeThenRefused() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("scope", "openid admin");
    HttpResponse<String> response = registrar.register(metadata);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(error("invalid_client_metadata", "unknown scope admin"));
  }

  @Test
  void invalidClientMetadataWhenScopeBreaksTheGrammarThenRefused() {
    Map<String, Object> metadata = Registrar.publicApp();
    metadata.put("scope", "patient/Observation.sr");
    HttpResponse<String> response = registrar.register(metadata);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response).get("error")).isEqualTo("invalid_client_metadata");
  }

  @Test
  void invalidClientMetadataWhenBodyIsNotJsonThenRefused() {
    HttpResponse<String> response =
        registrar.send("POST", "/register", "redirect_uris=x", Registrar.INITIAL_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response))
        .isEqualTo(
            error(
                "invalid_client_metadata",
                "the request body must be a JSON object of client metadata"));
  }

  @Test
  void invalidClientMetadataWhenBodyIsAJsonArrayThenRefused() {
    HttpResponse<String> response = registrar.send("POST", "/register", "[]", Registrar.INITIAL_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SmartFlow.json(response).get("error")).isEqualTo("invalid_client_metadata");
  }

  @Test
  void registeredBackendClientWhenItAsksForSystemScopesThenInvalidScopeUntilAnAdminGrantsThem() {
    RSAKey key = ClientAssertions.rsaKey();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("client_name", "Registered backend");
    metadata.put("token_endpoint_auth_method", "private_key_jwt");
    metadata.put("grant_types", List.of("client_credentials"));
    metadata.put("jwks", Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
    metadata.put("scope", "system/*.rs");
    Map<String, Object> registered = SmartFlow.json(registrar.register(metadata));
    String clientId = (String) registered.get("client_id");
    assertThat(registered).containsEntry("scope", "").doesNotContainKey("client_secret");

    HttpResponse<String> refused = backendToken(key, clientId);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(SmartFlow.json(refused).get("error_description"))
        .isEqualTo("none of the requested scopes is allowed for this client");

    // what the admin API will do: grant the held-back scope
    RegisteredClient client = repository.findByClientId(clientId);
    repository.save(RegisteredClient.from(client).scope("system/*.rs").build());
    HttpResponse<String> granted = backendToken(key, clientId);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(client.getClientAuthenticationMethods())
        .containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
  }

  private HttpResponse<String> backendToken(RSAKey key, String clientId) {
    JWTClaimsSet claims = ClientAssertions.claims(clientId, "http://localhost:9000/oauth2/token").build();
    String assertion = ClientAssertions.sign(key, JWSAlgorithm.RS384, claims);
    return browser.post("/oauth2/token", ClientAssertions.tokenRequest(assertion, "system/Patient.rs"));
  }
}
