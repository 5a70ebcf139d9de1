package org.careconnect.smart.launcher.launch;

/**
 * Failures the launcher can provoke by how it builds an EHR launch, so an app's error handling
 * can be tried. Others (expired token, invalid scope, missing PKCE) need the authorisation
 * server's help: see the README.
 */
public enum SimulatedError {
  NONE("No error", "The launch is built correctly."),
  INVALID_LAUNCH(
      "Invalid launch",
      "The app gets a launch id the authorisation server never issued: it must refuse the authorization (invalid_request, launch is not a known EHR launch)."),
  INVALID_CLIENT(
      "Launch for another client",
      "The launch is registered for a different client id than the app's: the authorisation server refuses it (launch was registered for another client).");

  private final String label;
  private final String hint;

  SimulatedError(String label, String hint) {
    this.label = label;
    this.hint = hint;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }
}
