package org.careconnect.smart.launcher.launch;

/**
 * Failures the launcher can provoke, so an app's error handling can be tried. Invalid launch and
 * invalid client the launcher makes itself by how it builds the EHR launch; the others it asks
 * the authorisation server for with the launch API's {@code simulated_error} field ({@link
 * #serverValue()}), which only a server in the demo profile accepts.
 */
public enum SimulatedError {
  NONE("No error", "The launch is built correctly.", null),
  INVALID_LAUNCH(
      "Invalid launch",
      "The app gets a launch id the authorisation server never issued: it must refuse the authorization (invalid_request, launch is not a known EHR launch).",
      null),
  INVALID_CLIENT(
      "Launch for another client",
      "The launch is registered for a different client id than the app's: the authorisation server refuses it (launch was registered for another client).",
      null),
  EXPIRED_TOKEN(
      "Expired token",
      "The access token the app gets is already expired: its first FHIR request is refused with 401 invalid_token. An app with a refresh token (offline_access or online_access) can refresh and carry on.",
      "expired_token"),
  INVALID_SCOPE(
      "Invalid scope",
      "The authorisation server answers the app's authorization request with error=invalid_scope, before anyone logs in, as if it had asked for a scope it may not have.",
      "invalid_scope"),
  MISSING_PKCE(
      "Missing PKCE",
      "The authorisation server treats the app's authorization request as if it had no code_challenge: error=invalid_request, \"OAuth 2.0 Parameter: code_challenge\".",
      "missing_pkce");

  private final String label;
  private final String hint;
  private final String serverValue;

  SimulatedError(String label, String hint, String serverValue) {
    this.label = label;
    this.hint = hint;
    this.serverValue = serverValue;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }

  /** The launch API's {@code simulated_error} value, or null when the launcher makes the error. */
  public String serverValue() {
    return serverValue;
  }
}
