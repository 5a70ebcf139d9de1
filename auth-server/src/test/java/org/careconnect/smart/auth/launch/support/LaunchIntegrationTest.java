package org.careconnect.smart.auth.launch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the launch and picker tests: the whole server on a random port (like every
 * {@link AuthServerIntegrationTest}), its patient picker pointed at {@link FhirStub}, and the
 * fixtures these tests add: apps whose redirect URI is the stub's callback page, EHR clients of
 * the launch API, and the steps of a launch.
 */
@AuthServerIntegrationTest
public abstract class LaunchIntegrationTest {

  public static final String SECRET = "ehr-secret-for-tests";
  public static final List<String> APP_SCOPES =
      List.of(
          "openid", "fhirUser", "launch", "launch/patient", "launch/encounter", "patient/*.rs",
          "user/*.rs");

  @LocalServerPort protected int port;
  @Autowired protected Fixtures fixtures;
  @Autowired protected RegisteredClientRepository clients;
  @Autowired protected PasswordEncoder encoder;

  @DynamicPropertySource
  static void fhirStub(DynamicPropertyRegistry registry) {
    registry.add("careconnect.auth.picker.fhir-base-url", () -> FhirStub.shared().baseUrl());
  }

  /** A public SMART app (PKCE, consent) allowed the launch scopes, redirecting to the stub. */
  protected RegisteredClient app(List<String> scopes) {
    return fixtures.publicClient(List.of(FhirStub.shared().callbackUrl()), scopes);
  }

  protected RegisteredClient app() {
    return app(APP_SCOPES);
  }

  protected SmartFlow flow(RegisteredClient app) {
    return new SmartFlow(new Browser(port), app);
  }

  /** A client of the launch API (an EHR or the launcher) allowed {@code scope}. */
  protected RegisteredClient ehr(String scope) {
    RegisteredClient ehr =
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId("ehr-" + UUID.randomUUID())
            .clientSecret(encoder.encode(SECRET))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(scope)
            .build();
    clients.save(ehr);
    return ehr;
  }

  /** {@code POST /api/launch} with HTTP Basic as {@code caller}. */
  protected HttpResponse<String> registerLaunch(RegisteredClient caller, String json) {
    return postLaunch(SmartFlow.basic(caller.getClientId(), SECRET), json);
  }

  /** {@code POST /api/launch} with this Authorization header, or none when null. */
  protected HttpResponse<String> postLaunch(String authorization, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/launch"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return new Browser(port).send(request.build());
  }

  /** Registers an EHR launch of {@code app} with the given JSON members; its launch id. */
  protected String launchFor(RegisteredClient app, String members) {
    String json =
        "{\"client_id\":\"" + app.getClientId() + "\"" + (members.isEmpty() ? "" : "," + members) + "}";
    HttpResponse<String> response = registerLaunch(ehr("careconnect/launch"), json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) SmartFlow.json(response).get("launch");
  }

  /**
   * Logs {@code username} in, sends the authorization request and approves every requested scope
   * on the consent page (passing the picker is the caller's business): the final answer, a
   * redirect to the app.
   */
  protected static HttpResponse<String> approve(
      SmartFlow flow, String username, Map<String, String> request) {
    assertThat(flow.browser.login(username, Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> toConsent = flow.authorize(request);
    return consentIfAsked(flow, request, toConsent);
  }

  /** Approves every requested scope if {@code response} leads to the consent page. */
  protected static HttpResponse<String> consentIfAsked(
      SmartFlow flow, Map<String, String> request, HttpResponse<String> response) {
    if (response.statusCode() == 302 && Browser.location(response).contains("/oauth2/consent")) {
      return flow.consent(
          Browser.location(response), List.of(request.get("scope").split(" ")), false);
    }
    return response;
  }

  /** The token response for the code in a redirect to the app. */
  protected static Map<String, Object> token(SmartFlow flow, HttpResponse<String> toApp) {
    String code = Browser.query(Browser.location(toApp)).get("code");
    assertThat(code).as(Browser.location(toApp)).isNotNull();
    HttpResponse<String> response = flow.exchange(code);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return SmartFlow.json(response);
  }

  /** An error redirect to the app (RFC 6749 §4.1.2.1) naming the problem, and no code. */
  protected static void assertRefused(HttpResponse<String> response, String description) {
    assertThat(response.statusCode()).isEqualTo(302);
    String location = Browser.location(response);
    assertThat(location).startsWith(FhirStub.shared().callbackUrl() + "?");
    assertThat(Browser.query(location))
        .doesNotContainKey("code")
        .containsEntry("error", "invalid_request")
        .containsEntry("error_description", description)
        .containsEntry("state", "state-123");
  }
}
