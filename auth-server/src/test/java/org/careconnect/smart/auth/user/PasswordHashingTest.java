package org.careconnect.smart.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careconnect.smart.auth.support.StandaloneServer.port;
import static org.careconnect.smart.auth.support.StandaloneServer.start;

import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Argon2id at an OWASP setting for new hashes; bcrypt hashes stored before still verify and are
 * replaced at the next successful login; settings below OWASP's table refused at start-up.
 */
@AuthServerIntegrationTest
class PasswordHashingTest {

  /** The default setting (application.yaml), as Argon2's encoded hash states it. */
  static final String DEFAULT_ARGON2 = "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=7168,t=5,p=1$";

  @LocalServerPort int port;
  @Autowired UserAccounts users;
  @Autowired JdbcTemplate jdbc;
  @Autowired Fixtures fixtures;
  @Autowired RegisteredClientRepository clients;

  private String userWithBcryptHash() {
    String username = "bcrypt-" + UUID.randomUUID();
    users.createIfAbsent(
        username,
        "{bcrypt}" + new BCryptPasswordEncoder(10).encode(Fixtures.PASSWORD),
        UserAccounts.Kind.PATIENT,
        "Patient/p",
        "P");
    return username;
  }

  private String storedHash(String username) {
    return jdbc.queryForObject(
        "SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
  }

  @Test
  void bcryptHashReplacedByArgon2idWhenUserLogsIn() {
    Browser browser = new Browser(port);
    String username = userWithBcryptHash();

    assertThat(Browser.location(browser.login(username, Fixtures.PASSWORD))).isEqualTo(browser.base() + "/");

    assertThat(storedHash(username)).startsWith(DEFAULT_ARGON2);
    Browser again = new Browser(port);
    assertThat(Browser.location(again.login(username, Fixtures.PASSWORD))).isEqualTo(again.base() + "/");
  }

  @Test
  void refusedAndBcryptHashKeptWhenPasswordWrong() {
    Browser browser = new Browser(port);
    String username = userWithBcryptHash();
    String before = storedHash(username);

    assertThat(Browser.location(browser.login(username, "wrong"))).isEqualTo(browser.base() + "/login?error");

    assertThat(storedHash(username)).isEqualTo(before).startsWith("{bcrypt}");
  }

  @Test
  void argon2idHashWhenUserCreated() {
    assertThat(storedHash(fixtures.patient("p"))).startsWith(DEFAULT_ARGON2);
  }

  @Test
  void argon2idHashWhenClientSecretSet() {
    RegisteredClient client = fixtures.confidentialClient("a client secret of some length");

    assertThat(clients.findByClientId(client.getClientId()).getClientSecret()).startsWith(DEFAULT_ARGON2);
  }

  @Test
  void bcryptClientSecretStillAcceptedAndReplacedByArgon2id() {
    RegisteredClient stored = fixtures.confidentialClient("a client secret of some length");
    clients.save(
        RegisteredClient.from(stored)
            .clientSecret("{bcrypt}" + new BCryptPasswordEncoder(10).encode("a client secret of some length"))
            .build());

    var response =
        new Browser(port)
            .post(
                "/oauth2/introspect",
                Map.of("token", "unknown"),
                "Authorization",
                SmartFlow.basic(stored.getClientId(), "a client secret of some length"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"active\":false}");
    assertThat(clients.findByClientId(stored.getClientId()).getClientSecret()).startsWith(DEFAULT_ARGON2);
  }

  @Test
  void refusesToStartWhenMemoryBelowOwaspMinimumForItsIterations() {
    assertThatThrownBy(
            () ->
                start(
                        "test",
                        "--careconnect.auth.password-hash.iterations=2",
                        "--careconnect.auth.password-hash.memory-kib=19455")
                    .close())
        .rootCause()
        .hasMessage(
            "careconnect.auth.password-hash.memory-kib must be at least 19456 with 2 iterations"
                + " (OWASP Password Storage Cheat Sheet, Argon2id), was 19455");
  }

  @Test
  void refusesToStartWhenDefaultIterationsGetLessMemory() {
    assertThatThrownBy(() -> start("test", "--careconnect.auth.password-hash.memory-kib=4096").close())
        .rootCause()
        .hasMessageContaining("memory-kib must be at least 7168 with 5 iterations");
  }

  @Test
  void newHashesUseAnotherOwaspRowWhenConfigured() {
    try (ConfigurableApplicationContext server =
        start(
            "test",
            "--careconnect.auth.password-hash.iterations=2",
            "--careconnect.auth.password-hash.memory-kib=19456")) {
      UserAccounts accounts = server.getBean(UserAccounts.class);
      String username = "other-row-" + UUID.randomUUID();
      accounts.createIfAbsent(
          username,
          server.getBean(PasswordEncoder.class).encode(Fixtures.PASSWORD),
          UserAccounts.Kind.PATIENT,
          "Patient/p",
          "P");

      assertThat(
              server
                  .getBean(JdbcTemplate.class)
                  .queryForObject(
                      "SELECT password_hash FROM app_user WHERE username = ?", String.class, username))
          .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=19456,t=2,p=1$");
      Browser browser = new Browser(port(server));
      assertThat(Browser.location(browser.login(username, Fixtures.PASSWORD))).isEqualTo(browser.base() + "/");
    }
  }
}
