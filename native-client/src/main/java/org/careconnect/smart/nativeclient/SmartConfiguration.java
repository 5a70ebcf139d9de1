package org.careconnect.smart.nativeclient;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * The endpoints the app needs, discovered from {@code {fhirBase}/.well-known/smart-configuration}
 * (SMART App Launch 2.2 §Conformance) rather than configured, so the app follows the server.
 */
record SmartConfiguration(URI authorizationEndpoint, URI tokenEndpoint) {

  static URI location(String fhirBase) {
    return URI.create(stripSlash(fhirBase) + "/.well-known/smart-configuration");
  }

  static SmartConfiguration discover(Http http, String fhirBase) throws FlowFailure {
    JsonNode json = http.getJson(location(fhirBase), null, "SMART configuration");
    URI authorize = endpoint(json, "authorization_endpoint");
    URI token = endpoint(json, "token_endpoint");
    // SMART 2.2 requires S256; a server without it would take our challenge for "plain" or
    // ignore it, and the code would no longer be bound to this process (RFC 7636 §7.2).
    boolean s256 = false;
    for (JsonNode method : json.path("code_challenge_methods_supported")) {
      s256 |= Pkce.METHOD.equals(method.asText());
    }
    if (!s256) {
      throw new FlowFailure(
          "The SMART configuration at " + location(fhirBase) + " does not list S256 in"
              + " code_challenge_methods_supported; this client uses PKCE S256 only (RFC 7636).");
    }
    return new SmartConfiguration(authorize, token);
  }

  private static URI endpoint(JsonNode json, String name) throws FlowFailure {
    String value = json.path(name).asText("");
    if (value.isEmpty()) {
      throw new FlowFailure("The SMART configuration has no " + name + ".");
    }
    return URI.create(value);
  }

  static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
