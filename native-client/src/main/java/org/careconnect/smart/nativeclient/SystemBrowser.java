package org.careconnect.smart.nativeclient;

import java.awt.Desktop;
import java.io.PrintStream;
import java.net.URI;

/**
 * Opens the authorization request in the user's own browser (RFC 8252 §4.1, §8.12): never in a
 * web view the app controls, which could read the password typed into it and cannot share the
 * browser's session with the authorisation server. The URL is always printed too, for terminals
 * without a desktop (SSH, containers) and for copying into a browser on another device.
 */
final class SystemBrowser {

  private SystemBrowser() {}

  static void open(URI uri, boolean launch, PrintStream out) {
    out.println("Sign in at: " + uri);
    if (!launch) {
      return;
    }
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(uri);
        out.println("Opened in the system browser.");
        return;
      }
    } catch (Exception | LinkageError noDesktop) {
      // headless JVM, no desktop session, or no AWT at all: printing the URL is the fallback
    }
    out.println("No desktop browser available: open the URL above in a browser.");
  }
}
