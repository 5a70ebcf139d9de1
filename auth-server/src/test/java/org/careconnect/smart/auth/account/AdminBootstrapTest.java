package org.careconnect.smart.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careconnect.smart.auth.support.StandaloneServer.start;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.careconnect.smart.auth.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first admin of a production server comes from AUTH_BOOTSTRAP_ADMIN_USERNAME/PASSWORD, once;
 * the demo profile's admin from the demo password, which production refuses.
 */
class AdminBootstrapTest {

  static final String PASSWORD = "first admin passphrase";

  @Test
  void firstAdminUsesAdminApiWhenBootstrapVariablesSetAndNoAdminExists() {
    try (ConfigurableApplicationContext server =
        start("test", "--AUTH_BOOTSTRAP_ADMIN_USERNAME=root", "--AUTH_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD)) {
      assertThat(adminApiStatus(server, "root", PASSWORD)).isEqualTo(200);
      assertThat(server.getBean(UserDirectory.class).get("root").admin()).isTrue();
    }
  }

  @Test
  void bootstrapIgnoredWhenAnAdminExists() {
    try (ConfigurableApplicationContext server =
        start("test", "--AUTH_BOOTSTRAP_ADMIN_USERNAME=root", "--AUTH_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD)) {
      UserDirectory users = server.getBean(UserDirectory.class);

      new AdminBootstrap(users, "intruder", "a leaked old passphrase").run(null);

      assertThat(users.list()).extracting(UserDirectory.UserView::username).containsExactly("root");
      assertThat(adminApiStatus(server, "intruder", "a leaked old passphrase")).isEqualTo(401);
    }
  }

  @Test
  void conflictWhenTheLastAdminWouldBeDemoted() {
    try (ConfigurableApplicationContext server =
        start("test", "--AUTH_BOOTSTRAP_ADMIN_USERNAME=root", "--AUTH_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD)) {
      Browser http = new Browser(StandaloneServer.port(server));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/users/root"))
                  .header("Authorization", SmartFlow.basic("root", PASSWORD))
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"admin\": false}"))
                  .build());

      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(SmartFlow.json(response))
          .isEqualTo(
              Map.of(
                  "error", "conflict",
                  "error_description", "the last enabled admin cannot be demoted or disabled",
                  "field", "admin"));
    }
  }

  @Test
  void noAdminWhenBootstrapVariablesUnset() {
    try (ConfigurableApplicationContext server = start("test")) {
      assertThat(server.getBean(UserDirectory.class).anyAdmin()).isFalse();
    }
  }

  @Test
  void demoAdminUsesAdminApiWhenDemoProfileActive() {
    try (ConfigurableApplicationContext server = start("test", "demo")) {
      assertThat(adminApiStatus(server, "admin", "admin-demo-password")).isEqualTo(200);
    }
  }

  @Test
  void refusesToStartWhenDemoAdminPasswordConfiguredOutsideDemoProfile() {
    assertThatThrownBy(() -> start("test", "--AUTH_DEMO_ADMIN_PASSWORD=admin-demo-password").close())
        .rootCause()
        .hasMessage(
            "Refusing to start: demo credentials are configured outside the demo profile:"
                + " [careconnect.auth.demo.admin-password]. Remove them, or run with"
                + " SPRING_PROFILES_ACTIVE=demo.");
  }

  private static int adminApiStatus(ConfigurableApplicationContext server, String username, String password) {
    Browser http = new Browser(StandaloneServer.port(server));
    return http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/users"))
                .header("Authorization", SmartFlow.basic(username, password))
                .build())
        .statusCode();
  }
}
