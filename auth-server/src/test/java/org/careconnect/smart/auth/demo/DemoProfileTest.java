package org.careconnect.smart.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.SmartFlow;
import org.careconnect.smart.auth.support.StandaloneServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Demo users and clients exist only in the demo profile; production refuses demo secrets. */
class DemoProfileTest {

  @Test
  void demoUsersCanLogInAndDemoClientsExistWhenDemoProfileActive() throws Exception {
    try (ConfigurableApplicationContext server = start("test", "demo")) {
      Browser browser = new Browser(port(server));
      for (String user : new String[] {"clinician", "patient1", "patient2"}) {
        String password = user.equals("clinician") ? "clinician-demo-password" : "patient-demo-password";
        assertThat(Browser.location(new Browser(port(server)).login(user, password)))
            .as(user)
            .isEqualTo(browser.base() + "/");
      }
      JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT fhir_user FROM app_user WHERE username = 'clinician'", String.class))
          .isEqualTo("Practitioner/demo-prac-1-1");
      assertThat(jdbc.queryForObject("SELECT fhir_user FROM app_user WHERE username = 'patient2'", String.class))
          .isEqualTo("Patient/demo-pat-2");
      RegisteredClientRepository clients = server.getBean(RegisteredClientRepository.class);
      assertThat(clients.findByClientId("sample-app").getRedirectUris())
          .containsExactly("http://localhost:9200/index.html");
      assertThat(clients.findByClientId("confidential-app").getClientSecret()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");

      server.getBean(DemoData.class).run(null); // a second start on the same database
      // clinician, patient1, patient2 and the admin (account/AdminBootstrap)
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isEqualTo(4);
      // sample-app, confidential-app, audit-viewer, native-app, smart-launcher
      // (launch/LauncherDemoClient) and careconnect-backend (client/DemoBackendClient)
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_registered_client", Integer.class))
          .isEqualTo(6);
    }
  }

  @Test
  void auditViewerIsTheOnlyDemoClientAllowedTheAuditScopeWhenDemoProfileActive() {
    try (ConfigurableApplicationContext server = start("test", "demo")) {
      RegisteredClientRepository clients = server.getBean(RegisteredClientRepository.class);
      RegisteredClient auditViewer = clients.findByClientId("audit-viewer");
      assertThat(auditViewer.getScopes())
          .containsExactlyInAnyOrder("openid", "fhirUser", "profile", "careconnect/audit");
      assertThat(auditViewer.getClientSecret()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
      assertThat(auditViewer.getClientAuthenticationMethods())
          .doesNotContain(ClientAuthenticationMethod.NONE);
      assertThat(auditViewer.getRedirectUris()).containsExactly("http://localhost:9200/index.html");
      for (String other : List.of("sample-app", "confidential-app", "native-app", "smart-launcher", "careconnect-backend")) {
        assertThat(clients.findByClientId(other).getScopes()).as(other).doesNotContain("careconnect/audit");
      }
    }
  }

  @Test
  void refusesToStartWhenAuditViewerSecretConfiguredOutsideDemoProfile() {
    assertThatThrownBy(() -> start("test", "--careconnect.auth.demo.audit-viewer-client-secret=secret").close())
        .rootCause()
        .hasMessageContaining("[careconnect.auth.demo.audit-viewer-client-secret]");
  }

  @Test
  void nativeAppLoopbackRedirectOnAnyPortAcceptedWhenDemoProfileActive() {
    try (ConfigurableApplicationContext server = start("test", "demo")) {
      RegisteredClient nativeApp =
          server.getBean(RegisteredClientRepository.class).findByClientId("native-app");
      assertThat(nativeApp.getRedirectUris()).containsExactly("http://127.0.0.1/callback");
      assertThat(nativeApp.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
      assertThat(nativeApp.getClientSettings().isRequireProofKey()).isTrue();

      Browser browser = new Browser(port(server));
      browser.login("patient1", "patient-demo-password");
      SmartFlow flow = new SmartFlow(browser, nativeApp);
      int port = 49152 + new SecureRandom().nextInt(16000); // any port, as the app's listener gets
      Map<String, String> request = flow.request("openid fhirUser launch/patient patient/*.rs");
      request.put("redirect_uri", "http://127.0.0.1:" + port + "/callback");
      HttpResponse<String> toConsent = flow.authorize(request);
      assertThat(toConsent.statusCode()).isEqualTo(302);
      HttpResponse<String> answer =
          flow.consent(Browser.location(toConsent), List.of("openid", "patient/*.rs"), false);
      assertThat(Browser.location(answer)).startsWith("http://127.0.0.1:" + port + "/callback?code=");

      request.remove("code_challenge"); // a public client without PKCE: refused (RFC 7636 §4.4.1)
      request.remove("code_challenge_method");
      assertThat(Browser.location(flow.authorize(request))).contains("error=invalid_request");
    }
  }

  @Test
  void demoClientsGetTheConfiguredRedirectUriWhenSampleAppRedirectUriSet() {
    try (ConfigurableApplicationContext server =
        start("test", "demo", "--careconnect.auth.demo.sample-app-redirect-uri=http://localhost:43210/index.html")) {
      RegisteredClientRepository clients = server.getBean(RegisteredClientRepository.class);
      assertThat(clients.findByClientId("sample-app").getRedirectUris())
          .containsExactly("http://localhost:43210/index.html");
      assertThat(clients.findByClientId("confidential-app").getRedirectUris())
          .containsExactly("http://localhost:43210/index.html");
    }
  }

  @Test
  void noDemoUsersWhenDemoProfileInactive() {
    try (ConfigurableApplicationContext server = start("test")) {
      assertThat(server.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM app_user", Integer.class))
          .isZero();
    }
  }

  @Test
  void refusesToStartWhenDemoPasswordConfiguredOutsideDemoProfile() {
    assertThatThrownBy(() -> start("test", "--careconnect.auth.demo.patient-password=secret").close())
        .rootCause()
        .hasMessage(
            "Refusing to start: demo credentials are configured outside the demo profile:"
                + " [careconnect.auth.demo.patient-password]. Remove them, or run with"
                + " SPRING_PROFILES_ACTIVE=demo.");
  }

  @Test
  void refusesToStartWhenDemoLaunchFeatureEnabledOutsideDemoProfile() {
    assertThatThrownBy(
            () -> start("test", "--careconnect.auth.demo.launch-shortcuts-enabled=true").close())
        .rootCause()
        .hasMessage(
            "Refusing to start: demo-only features are enabled outside the demo profile:"
                + " [careconnect.auth.demo.launch-shortcuts-enabled]. Set them to false, or run with"
                + " SPRING_PROFILES_ACTIVE=demo.");
  }

  static ConfigurableApplicationContext start(String... profilesThenArgs) {
    return StandaloneServer.start(profilesThenArgs);
  }

  static int port(ConfigurableApplicationContext server) {
    return StandaloneServer.port(server);
  }
}
