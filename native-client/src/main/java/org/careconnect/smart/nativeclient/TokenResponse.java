package org.careconnect.smart.nativeclient;

import com.fasterxml.jackson.databind.JsonNode;

/** What the app uses of a successful token response (RFC 6749 §5.1, SMART 2.2 launch context). */
record TokenResponse(String accessToken, String patient, String scope, long expiresIn, boolean refreshToken) {

  static TokenResponse from(JsonNode json) throws FlowFailure {
    String accessToken = json.path("access_token").asText("");
    if (accessToken.isEmpty()) {
      throw new FlowFailure("The token response has no access_token.");
    }
    if (!"bearer".equalsIgnoreCase(json.path("token_type").asText(""))) {
      throw new FlowFailure("The token response's token_type is not Bearer.");
    }
    return new TokenResponse(
        accessToken,
        json.path("patient").asText(null),
        json.path("scope").asText(""),
        json.path("expires_in").asLong(0),
        json.hasNonNull("refresh_token"));
  }
}
