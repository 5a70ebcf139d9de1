package org.careconnect.smart.nativeclient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redirect's query (RFC 6749 §4.1.2) read into the code, or into the failure it reports. The
 * state is checked first: an error response also carries it (§4.1.2.1), and one we did not cause
 * must not be believed either.
 */
record AuthorizationResponse(String code) {

  static AuthorizationResponse parse(String rawQuery, State expected) throws FlowFailure {
    Map<String, String> params;
    try {
      params = query(rawQuery);
    } catch (IllegalArgumentException malformed) {
      throw new FlowFailure("The redirect's query is not valid URL encoding: " + malformed.getMessage());
    }
    if (!expected.matches(params.get("state"))) {
      throw new FlowFailure(
          "The redirect's state does not match this request's (RFC 6749 §10.12): it was not"
              + " caused by this client, so it is ignored.");
    }
    String error = params.get("error");
    if ("access_denied".equals(error)) {
      throw new FlowFailure(
          "Access denied: the authorisation was refused or consent was not given"
              + " (error=access_denied).");
    }
    if (error != null) {
      String description = params.get("error_description");
      throw new FlowFailure(
          "The authorisation server refused the request: error=" + error
              + (description == null ? "" : " (" + description + ")"));
    }
    String code = params.get("code");
    if (code == null || code.isBlank()) {
      throw new FlowFailure("The redirect carries neither a code nor an error (RFC 6749 §4.1.2).");
    }
    return new AuthorizationResponse(code);
  }

  /** Decoded query parameters; the first of a repeated name wins. */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(decode(name), decode(value));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
