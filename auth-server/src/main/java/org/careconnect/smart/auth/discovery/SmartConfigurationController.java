package org.careconnect.smart.auth.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of SMART App Launch 2.2 §"Conformance" ({@code .well-known/smart-configuration}),
 * served here at the issuer; the FHIR server republishes it at its base.
 *
 * <p>The capabilities and the registration endpoint are the product's (issue 3); some arrive
 * with the next piece of work (EHR launch API, private_key_jwt, dynamic registration, patient
 * picker): README lists which are pending.
 */
@RestController
class SmartConfigurationController {

  static final List<String> CAPABILITIES =
      List.of(
          "launch-ehr",
          "launch-standalone",
          "client-public",
          "client-confidential-symmetric",
          "client-confidential-asymmetric",
          "context-ehr-patient",
          "context-ehr-encounter",
          "context-standalone-patient",
          "context-banner",
          "context-style",
          "sso-openid-connect",
          "permission-offline",
          "permission-online",
          "permission-patient",
          "permission-user",
          "permission-v1",
          "permission-v2",
          "authorize-post");

  static final List<String> SCOPES_SUPPORTED = SupportedScopes.SCOPES_SUPPORTED;


  private final Map<String, Object> configuration;

  SmartConfigurationController(
      AuthServerProperties properties, AuthorizationServerSettings settings) {
    String issuer = properties.issuer();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("issuer", issuer);
    c.put("jwks_uri", issuer + settings.getJwkSetEndpoint());
    c.put("authorization_endpoint", issuer + settings.getAuthorizationEndpoint());
    c.put("token_endpoint", issuer + settings.getTokenEndpoint());
    c.put("introspection_endpoint", issuer + settings.getTokenIntrospectionEndpoint());
    c.put("revocation_endpoint", issuer + settings.getTokenRevocationEndpoint());
    c.put("registration_endpoint", issuer + "/register"); // RFC 7591, registration/
    c.put("userinfo_endpoint", issuer + settings.getOidcUserInfoEndpoint());
    c.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
    c.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none", "private_key_jwt"));
    // SMART 2.2 §backend services: RS384 and ES384 are required (client/ClientAssertionDecoderFactory)
    c.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384", "RS256"));
    c.put("scopes_supported", SCOPES_SUPPORTED);
    c.put("response_types_supported", List.of("code"));
    c.put("code_challenge_methods_supported", List.of("S256"));
    c.put("capabilities", CAPABILITIES);
    this.configuration = java.util.Collections.unmodifiableMap(c);
  }

  @GetMapping(value = "/.well-known/smart-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> smartConfiguration() {
    return configuration;
  }
}
