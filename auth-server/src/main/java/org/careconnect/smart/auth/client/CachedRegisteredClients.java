package org.careconnect.smart.auth.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registered clients, kept for a short time after they are read. Every token request reads its
 * client several times (client authentication, each read of a stored authorization), and each
 * read is a query plus the parsing of the client's settings JSON: a third of a token request's
 * CPU before this cache.
 *
 * <p>Changes made through this node (save, {@link #forget}) are seen at once: the entry is
 * dropped when the change is made and again when its transaction commits, so a concurrent read
 * cannot put the old row back. Changes made by another node that shares the database (a new
 * secret, new keys, a deleted client) are seen when the entry expires, after at most the
 * configured lifetime ({@code careconnect.clients.cache.lifetime}). Unknown ids are not cached,
 * so a client registered on another node is found at once.
 */
public final class CachedRegisteredClients implements RegisteredClientRepository {

  private final RegisteredClientRepository delegate;
  private final Cache<String, RegisteredClient> byId;
  private final Cache<String, RegisteredClient> byClientId;

  CachedRegisteredClients(RegisteredClientRepository delegate, ClientCacheProperties settings) {
    this.delegate = delegate;
    this.byId = cache(settings);
    this.byClientId = cache(settings);
  }

  private static Cache<String, RegisteredClient> cache(ClientCacheProperties settings) {
    return Caffeine.newBuilder()
        .expireAfterWrite(settings.lifetime())
        .maximumSize(settings.maxSize())
        .build();
  }

  @Override
  public void save(RegisteredClient client) {
    delegate.save(client);
    forget(client.getId());
    byClientId.invalidate(client.getClientId());
  }

  @Override
  public RegisteredClient findById(String id) {
    RegisteredClient cached = byId.getIfPresent(id);
    if (cached != null) {
      return cached;
    }
    RegisteredClient client = delegate.findById(id);
    if (client != null) {
      byId.put(id, client);
    }
    return client;
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    RegisteredClient cached = byClientId.getIfPresent(clientId);
    if (cached != null) {
      return cached;
    }
    RegisteredClient client = delegate.findByClientId(clientId);
    if (client != null) {
      byClientId.put(clientId, client);
    }
    return client;
  }

  /**
   * Drops a client changed or deleted without {@link #save} (SAS's repository has no delete, so
   * deletions are SQL): now, and once more after the surrounding transaction commits.
   */
  public void forget(String registeredClientId) {
    drop(registeredClientId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              drop(registeredClientId);
            }
          });
    }
  }

  private void drop(String registeredClientId) {
    byId.invalidate(registeredClientId);
    byClientId.asMap().values().removeIf(client -> client.getId().equals(registeredClientId));
  }
}
