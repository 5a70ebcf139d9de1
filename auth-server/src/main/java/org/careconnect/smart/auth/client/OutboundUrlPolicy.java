package org.careconnect.smart.auth.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs a client may give us for things this server or its users' browsers fetch
 * ({@code jwks_uri}, {@code logo_uri}, {@code client_uri}, ...): https, and never an internal
 * address. Otherwise a client could make the server call its own network (SSRF, e.g. the cloud
 * metadata service at 169.254.169.254) or point users at it.
 *
 * <p>The host is resolved and every address it resolves to must be public: loopback, link-local
 * (includes the metadata addresses), private (RFC 1918, RFC 4193), carrier-grade NAT, unspecified
 * and multicast addresses are refused, as are {@code localhost} names (RFC 6761). A host that does
 * not resolve is refused too: it cannot be shown to be public. Hosts on the configured exception
 * list (demo only) skip the address rule and may use http.
 */
public final class OutboundUrlPolicy {

  private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain");

  private final HostResolver resolver;
  private final Set<String> allowedInternalHosts;

  OutboundUrlPolicy(HostResolver resolver, ClientProperties.UrlPolicy settings) {
    this.resolver = resolver;
    this.allowedInternalHosts = Set.copyOf(settings.allowedInternalHosts());
  }

  /** Checks {@code uri} and returns it; the exception's message names {@code field}. */
  public URI check(String field, URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new DisallowedUrlException(field + " must be an absolute URL with a host");
    }
    if (uri.getRawFragment() != null) {
      throw new DisallowedUrlException(field + " must not have a fragment");
    }
    String host = hostOf(uri);
    boolean exempt = allowedInternalHosts.contains(host);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(exempt && scheme.equals("http"))) {
      throw new DisallowedUrlException(field + " must use https");
    }
    if (exempt) {
      return uri;
    }
    if (LOCAL_NAMES.contains(host) || host.endsWith(".localhost")) {
      throw new DisallowedUrlException(field + " must not point to an internal address");
    }
    InetAddress[] addresses;
    try {
      // An IP literal is parsed, never looked up; only names go to the resolver.
      addresses =
          IP_LITERAL.matcher(host).matches() || host.contains(":")
              ? new InetAddress[] {InetAddress.getByName(host)}
              : resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      throw new DisallowedUrlException(field + " has a host that does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw new DisallowedUrlException(field + " must not point to an internal address");
      }
    }
    return uri;
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    // IPv6 literals come bracketed ("[::1]"); the exception list and resolver use the bare form.
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isInternalIpv4(bytes);
    }
    if (address instanceof Inet6Address) {
      // fc00::/7 unique local (includes AWS's fd00:ec2::254 metadata address)
      if ((bytes[0] & 0xfe) == 0xfc) {
        return true;
      }
      // IPv4 embedded in IPv6: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16
      if (isZero(bytes, 0, 12)) {
        return isInternalIpv4(slice(bytes, 12));
      }
      if (bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && bytes[3] == (byte) 0x9b
          && isZero(bytes, 4, 12)) {
        return isInternalIpv4(slice(bytes, 12));
      }
      if (bytes[0] == 0x20 && bytes[1] == 0x02) {
        return isInternalIpv4(slice(bytes, 2));
      }
    }
    return false;
  }

  private static boolean isInternalIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network" 0.0.0.0/8
        || first == 10
        || first == 127
        || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64.0.0/10
        || (first == 169 && second == 254) // link-local, cloud metadata
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 168)
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18.0.0/15
        || first >= 224; // multicast, reserved, broadcast
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] slice(byte[] bytes, int from) {
    return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
  }
}
