package org.careconnect.smart.auth.registration;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.careconnect.smart.auth.client.ClientKeySettings;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The client information response (RFC 7591 §3.2.1, RFC 7592 §3): the client's metadata as this
 * server registered it (scope is what the client has now, without restricted scopes still waiting
 * for an admin), plus {@code client_id}, {@code registration_access_token} and {@code
 * registration_client_uri}, and {@code client_secret} when one was just issued.
 */
final class RegistrationResponse {

  private RegistrationResponse() {}

  static Map<String, Object> of(
      RegisteredClient client,
      ClientRegistrations.Registration registration,
      String clientSecret,
      String registrationAccessToken,
      String registrationClientUri) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", client.getClientId());
    if (client.getClientIdIssuedAt() != null) {
      body.put("client_id_issued_at", client.getClientIdIssuedAt().getEpochSecond());
    }
    if (clientSecret != null) {
      body.put("client_secret", clientSecret);
      body.put("client_secret_expires_at", 0); // 0: does not expire (RFC 7591 §3.2.1)
    }
    if (registrationAccessToken != null) {
      body.put("registration_access_token", registrationAccessToken);
    }
    body.put("registration_client_uri", registrationClientUri);
    body.put("client_name", client.getClientName());
    body.put(
        "token_endpoint_auth_method",
        client.getClientAuthenticationMethods().iterator().next().getValue());
    body.put(
        "grant_types",
        sorted(client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).toList()));
    if (!client.getRedirectUris().isEmpty()) {
      body.put("redirect_uris", sorted(client.getRedirectUris()));
      body.put("response_types", List.of("code"));
    }
    body.put("scope", String.join(" ", sorted(client.getScopes())));
    if (client.getClientSettings().getJwkSetUrl() != null) {
      body.put("jwks_uri", client.getClientSettings().getJwkSetUrl());
    }
    if (client.getClientSettings().getSetting(ClientKeySettings.INLINE_JWKS) instanceof String jwks) {
      try {
        body.put("jwks", JSONObjectUtils.parse(jwks));
      } catch (ParseException e) {
        // stored by us from a parsed JWK Set; leave it out rather than fail the read
      }
    }
    body.putAll(registration.metadata());
    return body;
  }

  private static List<String> sorted(Collection<String> values) {
    Set<String> sorted = new TreeSet<>(values);
    return List.copyOf(sorted);
  }
}
