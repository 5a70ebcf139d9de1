package org.careconnect.smart.auth.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A client as the admin creates or changes it; names as in RFC 7591 §2 where it has one.
 * Lifetimes are in seconds. On update a null field keeps the client's current value.
 */
record ClientRequest(
    @JsonProperty("client_id") String clientId,
    @JsonProperty("client_name") String clientName,
    @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
    @JsonProperty("redirect_uris") List<String> redirectUris,
    String scope,
    Map<String, Object> jwks,
    @JsonProperty("jwks_uri") String jwksUri,
    @JsonProperty("access_token_lifetime") Long accessTokenLifetime,
    @JsonProperty("refresh_token_lifetime") Long refreshTokenLifetime) {}
