package org.careconnect.smart.auth.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a registered client may have (RFC 7591 §2, RFC 8252 §7, RFC 9700 §4.1):
 *
 * <ul>
 *   <li>{@code https} URLs;
 *   <li>loopback {@code http://127.0.0.1} or {@code http://[::1]} (RFC 8252 §7.3; any port is
 *       accepted at authorisation time), never {@code localhost} (RFC 8252 §8.3: it may resolve
 *       elsewhere), unless that host is on the demo exception list;
 *   <li>for public (native) clients, a private-use scheme in reverse domain name form such as
 *       {@code com.example.app:/callback} (RFC 8252 §7.1: it must contain a period);
 * </ul>
 *
 * and never a fragment (RFC 6749 §3.1.2) nor user information.
 */
final class RedirectUriRules {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]");

  private final Set<String> allowedHttpHosts;

  RedirectUriRules(Set<String> allowedHttpHosts) {
    this.allowedHttpHosts = Set.copyOf(allowedHttpHosts);
  }

  void check(String value, boolean publicClient) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw RegistrationException.invalidRedirectUri("redirect_uri is not a URI: " + value);
    }
    if (!uri.isAbsolute()) {
      throw RegistrationException.invalidRedirectUri("redirect_uri must be absolute: " + value);
    }
    if (uri.getRawFragment() != null) {
      throw RegistrationException.invalidRedirectUri("redirect_uri must not have a fragment: " + value);
    }
    if (uri.getRawUserInfo() != null) {
      throw RegistrationException.invalidRedirectUri("redirect_uri must not have user information: " + value);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "https" -> {
        if (host == null) {
          throw RegistrationException.invalidRedirectUri("redirect_uri must have a host: " + value);
        }
      }
      case "http" -> {
        if (host == null || !(LOOPBACK.contains(host) || allowedHttpHosts.contains(host))) {
          throw RegistrationException.invalidRedirectUri(
              "redirect_uri must use https, or http only on a loopback address"
                  + " (127.0.0.1 or [::1], RFC 8252 §7.3): " + value);
        }
      }
      default -> {
        if (!publicClient || !scheme.contains(".")) {
          throw RegistrationException.invalidRedirectUri(
              "redirect_uri must use https, loopback http, or (for a native app, i.e. a public"
                  + " client) a private-use scheme such as com.example.app (RFC 8252 §7.1): " + value);
        }
      }
    }
  }
}
