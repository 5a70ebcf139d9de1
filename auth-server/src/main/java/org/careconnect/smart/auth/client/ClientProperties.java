package org.careconnect.smart.auth.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careconnect.clients}: asymmetric client authentication, keys fetched from
 * a client's {@code jwks_uri}, backend-services tokens and the outbound URL policy. Each is
 * declared once, with its default, in application.yaml.
 */
@ConfigurationProperties("careconnect.clients")
public record ClientProperties(
    Assertion assertion, JwksUri jwksUri, Backend backend, UrlPolicy urlPolicy) {

  /** SMART App Launch 2.2 §backend services: an assertion expires at most five minutes ahead. */
  static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

  /** SMART 2.2 §backend services: access tokens for backend services live five minutes at most. */
  static final Duration MAX_BACKEND_TOKEN_LIFETIME = Duration.ofMinutes(5);

  public ClientProperties {
    if (assertion.maxLifetime().compareTo(MAX_ASSERTION_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "careconnect.clients.assertion.max-lifetime must be at most PT5M, was "
              + assertion.maxLifetime());
    }
    if (backend.accessTokenLifetime().compareTo(MAX_BACKEND_TOKEN_LIFETIME) > 0
        || backend.accessTokenLifetime().isNegative()
        || backend.accessTokenLifetime().isZero()) {
      throw new IllegalArgumentException(
          "careconnect.clients.backend.access-token-lifetime must be between PT1S and PT5M, was "
              + backend.accessTokenLifetime());
    }
  }

  /**
   * @param maxLifetime how far ahead an assertion's {@code exp} may lie
   * @param clockSkew tolerance for clocks of clients that run slightly ahead or behind
   * @param replayPurgeInterval how often spent {@code jti}s past their expiry are deleted
   */
  public record Assertion(Duration maxLifetime, Duration clockSkew, Duration replayPurgeInterval) {}

  /**
   * @param connectTimeout connecting to a client's jwks_uri
   * @param readTimeout the whole request to a client's jwks_uri
   * @param maxBytes a larger JWK Set is refused (a JWK Set of a few keys is a few kB)
   * @param cacheLifetime how long a fetched JWK Set is used before it is fetched again
   * @param refetchInterval an unknown {@code kid} refetches at most this often per jwks_uri
   */
  public record JwksUri(
      Duration connectTimeout,
      Duration readTimeout,
      int maxBytes,
      Duration cacheLifetime,
      Duration refetchInterval) {}

  /** @param accessTokenLifetime lifetime of client_credentials access tokens, at most PT5M */
  public record Backend(Duration accessTokenLifetime) {}

  /**
   * @param allowedInternalHosts hosts (names or IP literals) exempt from the internal-address
   *     rule, for demos where apps run on localhost; empty in production
   */
  public record UrlPolicy(List<String> allowedInternalHosts) {
    public UrlPolicy {
      allowedInternalHosts =
          allowedInternalHosts == null
              ? List.of()
              : allowedInternalHosts.stream()
                  .filter(host -> !host.isBlank())
                  .map(host -> host.trim().toLowerCase(Locale.ROOT))
                  .toList();
    }
  }
}
