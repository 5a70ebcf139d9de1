package org.careconnect.smart.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.careconnect.smart.auth.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching a client's jwks_uri: cache, rate-limited refetch, size limit, no redirects. */
class RemoteJwkSetsTest {

  static final ClientProperties.JwksUri SETTINGS =
      new ClientProperties.JwksUri(
          Duration.ofSeconds(2), Duration.ofSeconds(2), 4096, Duration.ofMinutes(10), Duration.ofMinutes(1));

  JwksServer server;
  MutableClock clock = new MutableClock();
  RemoteJwkSets remote;
  URI uri;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer();
    uri = URI.create(server.url());
    OutboundUrlPolicy policy =
        new OutboundUrlPolicy(HostResolver.system(), new ClientProperties.UrlPolicy(List.of("127.0.0.2")));
    remote = new RemoteJwkSets(policy, SETTINGS, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String jwks(RSAKey... keys) {
    return new JWKSet(List.of(keys)).toString(true);
  }

  @Test
  void getWhenFetchedWithinCacheLifetimeThenServedFromCache() throws Exception {
    RSAKey key = ClientAssertions.rsaKey();
    server.serve(jwks(key));

    assertThat(remote.get(uri).getKeyByKeyId(key.getKeyID())).isNotNull();
    clock.advance(Duration.ofMinutes(9));
    remote.get(uri);

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void getWhenCacheLifetimeOverThenFetchedAgain() throws Exception {
    server.serve(jwks(ClientAssertions.rsaKey()));
    remote.get(uri);
    clock.advance(Duration.ofMinutes(11));
    remote.get(uri);

    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void refetchWhenRotatedKeyAfterIntervalThenNewKeyFound() throws Exception {
    server.serve(jwks(ClientAssertions.rsaKey()));
    remote.get(uri);
    RSAKey rotated = ClientAssertions.rsaKey();
    server.serve(jwks(rotated));
    clock.advance(Duration.ofMinutes(2));

    assertThat(remote.refetch(uri).getKeyByKeyId(rotated.getKeyID())).isNotNull();
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void refetchWhenWithinIntervalThenNoRequestSoUnknownKidsCannotAmplify() throws Exception {
    server.serve(jwks(ClientAssertions.rsaKey()));
    remote.get(uri);
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      remote.refetch(uri);
    }

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void getWhenBodyLargerThanLimitThenRefused() {
    server.serve("{\"keys\":[],\"padding\":\"" + "x".repeat(5000) + "\"}");

    assertThatThrownBy(() -> remote.get(uri))
        .isInstanceOf(RemoteJwkSets.JwksUnavailableException.class)
        .hasMessage("jwks_uri answered more than 4096 bytes");
  }

  @Test
  void getWhenRedirectedThenNotFollowed() {
    server.answer(302, "http://169.254.169.254/latest/meta-data/");

    assertThatThrownBy(() -> remote.get(uri))
        .isInstanceOf(RemoteJwkSets.JwksUnavailableException.class)
        .hasMessage("jwks_uri answered 302");
  }

  @Test
  void getWhenNotAJwkSetThenRefused() {
    server.serve("<html>hello</html>");

    assertThatThrownBy(() -> remote.get(uri))
        .isInstanceOf(RemoteJwkSets.JwksUnavailableException.class)
        .hasMessage("jwks_uri did not answer a JWK Set");
  }

  @Test
  void getWhenJwkSetHoldsPrivateKeysThenOnlyPublicPartsKept() throws Exception {
    RSAKey key = ClientAssertions.rsaKey();
    server.serve(new JWKSet(key).toString(false));

    assertThat(remote.get(uri).getKeys()).singleElement().matches(k -> !k.isPrivate());
  }

  @Test
  void getWhenInternalAddressThenRefusedWithoutRequest() {
    assertThatThrownBy(() -> remote.get(URI.create("https://10.0.0.8/jwks.json")))
        .isInstanceOf(RemoteJwkSets.JwksUnavailableException.class)
        .hasMessage("jwks_uri must not point to an internal address");
  }
}
