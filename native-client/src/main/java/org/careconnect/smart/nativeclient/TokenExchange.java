package org.careconnect.smart.nativeclient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exchanges the code at the token endpoint as a public client (RFC 6749 §4.1.3): {@code client_id}
 * identifies the app and the PKCE verifier proves it is the process that asked (RFC 7636 §4.5).
 * There is no client secret to send: one shipped in an app is not secret (RFC 8252 §8.5).
 */
final class TokenExchange {

  private TokenExchange() {}

  static TokenResponse exchange(
      Http http, URI tokenEndpoint, String clientId, String code, URI redirectUri, Pkce pkce)
      throws FlowFailure {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    // the same redirect_uri as in the request, port included (RFC 6749 §4.1.3)
    form.put("redirect_uri", redirectUri.toString());
    form.put("client_id", clientId);
    form.put("code_verifier", pkce.verifier());
    String step = "Code exchange";
    return TokenResponse.from(Http.json(http.postForm(tokenEndpoint, form, step), step));
  }
}
