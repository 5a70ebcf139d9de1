package org.careconnect.smart.auth.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to its addresses. A seam so tests can give names without DNS; production
 * uses the system resolver.
 */
@FunctionalInterface
interface HostResolver {

  InetAddress[] resolve(String host) throws UnknownHostException;

  static HostResolver system() {
    return InetAddress::getAllByName;
  }
}
