package org.careconnect.smart.auth.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import org.careconnect.smart.auth.AuthServerApplication;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.service.mariadb.MariaDbTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Signing keys survive a restart on the same database, and stay sealed without their key. */
class KeyPersistenceTest {

  static final String KEK = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @Test
  void sameJwksWhenServerRestartsOnTheSameDatabase(@TempDir Path dir) throws Exception {
    String url = fileDatabase(dir);
    String first;
    try (ConfigurableApplicationContext server = start(url, KEK)) {
      first = jwks(server);
    }
    try (ConfigurableApplicationContext server = start(url, KEK)) {
      assertThat(jwks(server)).isEqualTo(first);
      // one access-token key (EC) and one ID-token key (RSA)
      assertThat(JWKSet.parse(first).getKeys())
          .extracting(k -> k.getKeyType().getValue())
          .containsExactlyInAnyOrder("EC", "RSA");
    }
  }

  @Test
  void refusesToStartWhenStoredKeysAreEncryptedAndNoKeyIsConfigured(@TempDir Path dir) {
    String url = fileDatabase(dir);
    start(url, KEK).close();

    assertThatThrownBy(() -> start(url, "").close())
        .rootCause()
        .hasMessage(
            "A signing key is stored encrypted but careconnect.auth.keys.encryption-key is not set");
  }

  /** A database of the test's own: a file H2, or a fresh MariaDB one in the MariaDB suites. */
  private static String fileDatabase(Path dir) {
    return MariaDbTestDatabase.enabled()
        ? MariaDbTestDatabase.freshDatabaseUrl("keys")
        : "jdbc:h2:file:" + dir.resolve("auth") + ";MODE=MySQL;WRITE_DELAY=0";
  }

  private static ConfigurableApplicationContext start(String url, String kek) {
    // command-line arguments: they outrank application.yaml (builder properties would not)
    return new SpringApplicationBuilder(AuthServerApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + MariaDbTestDatabase.USERNAME,
            "--spring.datasource.password=" + MariaDbTestDatabase.PASSWORD,
            "--careconnect.auth.keys.encryption-key=" + kek);
  }

  private static String jwks(ConfigurableApplicationContext server) {
    int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    return new Browser(port).get("/oauth2/jwks").body();
  }
}
