package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A client as the admin API shows it. {@code client_secret} appears once, in the answer that made
 * it (only its Argon2id hash is stored); {@code pending_scopes} are restricted scopes a dynamically
 * registered client asked for and an admin has not granted yet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClientView(
    @JsonProperty("client_id") String clientId,
    @JsonProperty("client_name") String clientName,
    @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
    @JsonProperty("grant_types") List<String> grantTypes,
    @JsonProperty("redirect_uris") List<String> redirectUris,
    String scope,
    Map<String, Object> jwks,
    @JsonProperty("jwks_uri") String jwksUri,
    @JsonProperty("access_token_lifetime") long accessTokenLifetime,
    @JsonProperty("refresh_token_lifetime") long refreshTokenLifetime,
    @JsonProperty("pending_scopes") String pendingScopes,
    @JsonProperty("client_secret") String clientSecret) {

  ClientView withSecret(String secret) {
    return new ClientView(
        clientId, clientName, tokenEndpointAuthMethod, grantTypes, redirectUris, scope, jwks,
        jwksUri, accessTokenLifetime, refreshTokenLifetime, pendingScopes, secret);
  }
}
