package org.careconnect.smart.nativeclient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The authorization request URL the system browser opens (RFC 6749 §4.1.1, SMART 2.2 standalone launch). */
final class AuthorizationRequest {

  private AuthorizationRequest() {}

  static URI uri(
      URI authorizationEndpoint, Options options, URI redirectUri, State state, Pkce pkce) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", options.clientId());
    params.put("redirect_uri", redirectUri.toString());
    params.put("scope", options.scope());
    params.put("state", state.value());
    // SMART 2.2: the FHIR server the token is for, exactly as discovery was made from
    params.put("aud", options.fhirBase());
    params.put("code_challenge", pkce.challenge());
    params.put("code_challenge_method", Pkce.METHOD);
    String query =
        params.entrySet().stream()
            .map(e -> Http.encode(e.getKey()) + "=" + Http.encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String base = authorizationEndpoint.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }
}
