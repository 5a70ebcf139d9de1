package org.careconnect.smart.auth.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careconnect.clients.cache} (see CachedRegisteredClients), declared with
 * their defaults in application.yaml.
 *
 * @param lifetime how long a registered client read from the database is used before it is read
 *     again: the longest time a change made on another node (secret, keys, deletion) may go
 *     unseen by this one; at most one minute
 * @param maxSize clients kept at most
 */
@ConfigurationProperties("careconnect.clients.cache")
public record ClientCacheProperties(Duration lifetime, int maxSize) {

  static final Duration MAX_LIFETIME = Duration.ofMinutes(1);

  public ClientCacheProperties {
    if (lifetime.isNegative() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "careconnect.clients.cache.lifetime must be between PT0S and PT1M, was " + lifetime);
    }
    if (maxSize < 1) {
      throw new IllegalArgumentException("careconnect.clients.cache.max-size must be at least 1");
    }
  }
}
