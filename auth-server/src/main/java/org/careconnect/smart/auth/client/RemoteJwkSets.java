package org.careconnect.smart.auth.client;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JWK Sets of clients that registered a {@code jwks_uri} (SMART 2.2 §registering a client: "the
 * JWKS URL SHOULD be used" so clients can rotate keys), fetched through the {@link
 * OutboundUrlPolicy}, with a timeout and a size limit, without following redirects, and cached.
 *
 * <p>A client that rotates its key signs with a {@code kid} we have not seen: {@link
 * #refetch(URI)} then fetches again, but at most once per refetch interval per URL, so assertions
 * with made-up {@code kid}s cannot turn this server into a request amplifier.
 *
 * <p>The policy is checked when the URL is fetched, not only when it was registered, because DNS
 * may have changed since. (A rebinding between this check and the connection is still possible;
 * Java 17's HttpClient has no hook to pin the checked address.)
 */
final class RemoteJwkSets {

  private static final Logger log = LoggerFactory.getLogger(RemoteJwkSets.class);

  private final OutboundUrlPolicy policy;
  private final ClientProperties.JwksUri settings;
  private final Clock clock;
  private final HttpClient http;
  private final Map<URI, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(JWKSet keys, Instant fetchedAt) {}

  RemoteJwkSets(OutboundUrlPolicy policy, ClientProperties.JwksUri settings, Clock clock) {
    this.policy = policy;
    this.settings = settings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The cached JWK Set of {@code uri}, fetched when absent or older than the cache lifetime. */
  JWKSet get(URI uri) throws JwksUnavailableException {
    Entry entry = cache.get(uri);
    if (entry != null && entry.fetchedAt().plus(settings.cacheLifetime()).isAfter(clock.instant())) {
      return entry.keys();
    }
    return fetchAndCache(uri, entry);
  }

  /**
   * Fetches {@code uri} again unless it was fetched within the refetch interval; returns the
   * (possibly unchanged) JWK Set.
   */
  JWKSet refetch(URI uri) throws JwksUnavailableException {
    Entry entry = cache.get(uri);
    if (entry != null
        && entry.fetchedAt().plus(settings.refetchInterval()).isAfter(clock.instant())) {
      return entry.keys();
    }
    return fetchAndCache(uri, entry);
  }

  private JWKSet fetchAndCache(URI uri, Entry previous) throws JwksUnavailableException {
    try {
      JWKSet keys = fetch(uri);
      cache.put(uri, new Entry(keys, clock.instant()));
      return keys;
    } catch (JwksUnavailableException e) {
      if (previous != null) {
        // Remember the failed attempt so a broken jwks_uri is not hammered on every request.
        cache.put(uri, new Entry(previous.keys(), clock.instant()));
      }
      throw e;
    }
  }

  private JWKSet fetch(URI uri) throws JwksUnavailableException {
    try {
      policy.check("jwks_uri", uri);
    } catch (DisallowedUrlException e) {
      throw new JwksUnavailableException(e.getMessage());
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.readTimeout())
            .header("Accept", "application/json, application/jwk-set+json")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new JwksUnavailableException("jwks_uri answered " + response.statusCode());
        }
        byte[] bytes = body.readNBytes(settings.maxBytes() + 1);
        if (bytes.length > settings.maxBytes()) {
          throw new JwksUnavailableException(
              "jwks_uri answered more than " + settings.maxBytes() + " bytes");
        }
        // Public keys only: JWKSet.parse keeps private parts, so drop them in case a client
        // published its private key by mistake.
        return JWKSet.parse(new String(bytes, StandardCharsets.UTF_8)).toPublicJWKSet();
      }
    } catch (IOException | ParseException e) {
      log.info("Fetching the JWK Set at {} failed: {}", uri, e.toString());
      throw new JwksUnavailableException("jwks_uri did not answer a JWK Set");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JwksUnavailableException("interrupted while fetching jwks_uri");
    }
  }

  /** The client's JWK Set could not be fetched; the message says why (safe to show the client). */
  static final class JwksUnavailableException extends Exception {
    JwksUnavailableException(String message) {
      super(message);
    }
  }
}
