package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The registered-client cache: what it keeps, for how long, and what drops an entry. */
class CachedRegisteredClientsTest {

  /** The database, shared by "nodes"; counts the reads that reach it. */
  static final class Store implements RegisteredClientRepository {
    final Map<String, RegisteredClient> rows = new HashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void save(RegisteredClient client) {
      rows.put(client.getId(), client);
    }

    @Override
    public RegisteredClient findById(String id) {
      reads.incrementAndGet();
      return rows.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
      reads.incrementAndGet();
      return rows.values().stream()
          .filter(c -> c.getClientId().equals(clientId))
          .findFirst()
          .orElse(null);
    }
  }

  final Store store = new Store();

  CachedRegisteredClients node(Duration lifetime) {
    return new CachedRegisteredClients(store, new ClientCacheProperties(lifetime, 100));
  }

  static RegisteredClient client(String id, String name) {
    return RegisteredClient.withId(id)
        .clientId("client-" + id)
        .clientName(name)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("https://app.example/callback")
        .build();
  }

  @Test
  void readTwiceWithinLifetimeThenOneDatabaseRead() {
    store.save(client("1", "first"));
    CachedRegisteredClients clients = node(Duration.ofMinutes(1));

    clients.findById("1");
    clients.findById("1");
    clients.findByClientId("client-1");
    clients.findByClientId("client-1");

    assertThat(store.reads).hasValue(2);
  }

  @Test
  void lifetimeZeroThenEveryReadReachesTheDatabase() {
    store.save(client("1", "first"));
    CachedRegisteredClients clients = node(Duration.ZERO);

    clients.findById("1");
    clients.findById("1");

    assertThat(store.reads).hasValue(2);
  }

  @Test
  void savedOnThisNodeThenNextReadSeesTheChange() {
    CachedRegisteredClients clients = node(Duration.ofMinutes(1));
    clients.save(client("1", "first"));
    clients.findById("1");
    clients.findByClientId("client-1");

    clients.save(client("1", "renamed"));

    assertThat(clients.findById("1").getClientName()).isEqualTo("renamed");
    assertThat(clients.findByClientId("client-1").getClientName()).isEqualTo("renamed");
  }

  @Test
  void forgottenThenBothLookupsReadTheDatabaseAgain() {
    store.save(client("1", "first"));
    CachedRegisteredClients clients = node(Duration.ofMinutes(1));
    clients.findById("1");
    clients.findByClientId("client-1");
    store.rows.remove("1"); // deleted by SQL, as the admin API and RFC 7592 do

    clients.forget("1");

    assertThat(clients.findById("1")).isNull();
    assertThat(clients.findByClientId("client-1")).isNull();
  }

  @Test
  void changedOnAnotherNodeThenSeenWhenTheEntryExpires() {
    store.save(client("1", "first"));
    CachedRegisteredClients clients = node(Duration.ofMillis(300));
    assertThat(clients.findById("1").getClientName()).isEqualTo("first");

    store.save(client("1", "changed elsewhere")); // another node, past this one's cache

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(clients.findById("1").getClientName()).isEqualTo("changed elsewhere"));
  }

  @Test
  void unknownClientThenNotCachedAndFoundOnceRegisteredElsewhere() {
    CachedRegisteredClients clients = node(Duration.ofMinutes(1));
    assertThat(clients.findByClientId("client-1")).isNull();

    store.save(client("1", "registered on another node"));

    assertThat(clients.findByClientId("client-1")).isNotNull();
    assertThat(clients.findById("1")).isNotNull();
  }

  @Test
  void lifetimeLongerThanOneMinuteThenRefusedAtStartUp() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ClientCacheProperties(Duration.ofMinutes(2), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("careconnect.clients.cache.lifetime must be between PT0S and PT1M, was PT2M");
  }
}
