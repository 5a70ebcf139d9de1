package org.careconnect.smart.launcher.launch;

/** A choice (or combination) that cannot launch; the message tells the person what to change. */
public class LaunchRefused extends RuntimeException {

  public LaunchRefused(String message) {
    super(message);
  }
}
