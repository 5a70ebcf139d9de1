package org.careconnect.smart.launcher.support;

import java.io.IOException;
import java.net.ServerSocket;

final class Ports {

  private Ports() {}

  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
