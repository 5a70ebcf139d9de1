package org.careconnect.smart.auth.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.account.UserDirectory.UserChange;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.careconnect.smart.auth.support.Fixtures;
import org.careconnect.smart.auth.support.Metrics;
import org.careconnect.smart.auth.support.SmartFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Probes, the guarded metrics endpoint, the request id, and the metrics of the token endpoint,
 * logins and key rotation, each made to move over HTTP.
 */
@AuthServerIntegrationTest
class AuthOperationsTest {

  static final String SCOPE = "openid fhirUser launch/patient offline_access patient/*.rs";
  static final String ISSUED = "careconnect_auth_tokens_issued_total";
  static final String REFUSED = "careconnect_auth_tokens_refused_total";
  static final String LOGINS = "careconnect_auth_logins_total";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired UserDirectory users;

  Metrics metrics() {
    return new Metrics(port);
  }

  @Test
  void probesWhenAnonymousThenUpWithoutDetails() {
    Browser browser = new Browser(port);
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> response = browser.get(probe);

      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  @Test
  void prometheusWhenAnonymousOrWrongCredentialThen401() {
    HttpResponse<String> anonymous = metrics().scrape(null);
    HttpResponse<String> wrong = metrics().scrape(SmartFlow.basic(Metrics.USERNAME, "wrong"));
    HttpResponse<String> userPassword = metrics().scrape(SmartFlow.basic(fixtures.patient("p-metrics"), Fixtures.PASSWORD));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"metrics\"");
    assertThat(anonymous.body()).isEqualTo(
        "{\"error\":\"unauthorized\",\"error_description\":\"The metrics need the scrape credential\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(userPassword.statusCode()).isEqualTo(401);
  }

  @Test
  void prometheusWhenScrapeCredentialThenMetrics() {
    HttpResponse<String> response = metrics().scrape(SmartFlow.basic(Metrics.USERNAME, Metrics.PASSWORD));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("jvm_memory_used_bytes{").contains("application=\"auth-server\"")
        .contains(LOGINS).contains("careconnect_auth_key_rotations_total");
  }

  @Test
  void requestsMeasuredWithoutSpringSecurityObservations() {
    assertThat(new Browser(port).get("/login").statusCode()).isEqualTo(200);

    String scraped = metrics().scrape(SmartFlow.basic(Metrics.USERNAME, Metrics.PASSWORD)).body();
    assertThat(scraped).contains("http_server_requests_seconds_count{").contains("uri=\"/login\"");
    assertThat(scraped).doesNotContain("spring_security_");
  }

  @Test
  void requestIdWhenGivenThenEchoedAndWhenUnsafeThenReplaced() {
    Browser browser = new Browser(port);

    HttpResponse<String> given = browser.get("/.well-known/smart-configuration", "X-Request-Id", "auth-abc-1");
    HttpResponse<String> unsafe = browser.get("/.well-known/smart-configuration", "X-Request-Id", "x".repeat(65));

    assertThat(given.headers().allValues("X-Request-Id")).containsExactly("auth-abc-1");
    assertThat(unsafe.headers().allValues("X-Request-Id")).singleElement()
        .satisfies(id -> assertThat(id).hasSize(36).isNotEqualTo("x".repeat(65)));
  }

  @Test
  void tokensWhenIssuedAndRefusedThenCountedByGrantTypeAndError() {
    Metrics metrics = metrics();
    double codes = metrics.value(ISSUED, "grant_type", "authorization_code");
    double refreshes = metrics.value(ISSUED, "grant_type", "refresh_token");
    double reused = metrics.value(REFUSED, "grant_type", "refresh_token", "error", "invalid_grant");
    double noClient = metrics.value(REFUSED, "grant_type", "authorization_code", "error", "invalid_client");
    SmartFlow flow = new SmartFlow(new Browser(port), fixtures.publicClient());

    HttpResponse<String> first = flow.exchange(flow.code(fixtures.patient("pat-metrics"), SCOPE));
    String refreshToken = (String) SmartFlow.json(first).get("refresh_token");
    HttpResponse<String> refreshed = flow.refresh(refreshToken);
    HttpResponse<String> replayed = flow.refresh(refreshToken);
    HttpResponse<String> anonymous = new Browser(port).post("/oauth2/token",
        Map.of("grant_type", "authorization_code", "code", "nothing", "redirect_uri", Fixtures.REDIRECT));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(metrics.value(ISSUED, "grant_type", "authorization_code")).isEqualTo(codes + 1);
    assertThat(metrics.value(ISSUED, "grant_type", "refresh_token")).isEqualTo(refreshes + 1);
    assertThat(metrics.value(REFUSED, "grant_type", "refresh_token", "error", "invalid_grant")).isEqualTo(reused + 1);
    assertThat(metrics.value(REFUSED, "grant_type", "authorization_code", "error", "invalid_client")).isEqualTo(noClient + 1);
  }

  @Test
  void tokenRequestWhenGrantTypeIsMadeUpThenCountedAsOtherNotAsANewSeries() {
    String madeUp = "urn:made-up:" + UUID.randomUUID();

    new Browser(port).post("/oauth2/token", Map.of("grant_type", madeUp));

    assertThat(metrics().scrape(SmartFlow.basic(Metrics.USERNAME, Metrics.PASSWORD)).body()).doesNotContain(madeUp);
  }

  @Test
  void loginsWhenSucceededFailedAndLockedOutThenCountedByOutcome() {
    Metrics metrics = metrics();
    double succeeded = metrics.value(LOGINS, "outcome", "succeeded");
    double failed = metrics.value(LOGINS, "outcome", "failed");
    double locked = metrics.value(LOGINS, "outcome", "locked");
    String user = fixtures.patient("pat-logins");

    new Browser(port).login(user, Fixtures.PASSWORD);
    for (int i = 0; i < 5; i++) { // careconnect.auth.login.max-failures
      new Browser(port).login(user, "wrong password");
    }
    HttpResponse<String> lockedOut = new Browser(port).login(user, Fixtures.PASSWORD);

    assertThat(Browser.location(lockedOut)).endsWith("/login?locked");
    assertThat(metrics.value(LOGINS, "outcome", "succeeded")).isEqualTo(succeeded + 1);
    assertThat(metrics.value(LOGINS, "outcome", "failed")).isEqualTo(failed + 5);
    assertThat(metrics.value(LOGINS, "outcome", "locked")).isEqualTo(locked + 1);
  }

  @Test
  void keyRotationWhenAdminRotatesThenCounted() {
    String admin = "admin-" + UUID.randomUUID();
    users.create(new UserChange(admin, Fixtures.PASSWORD, "CLINICIAN", "Practitioner/admin-1", "Admin", true, true));
    double rotations = metrics().value("careconnect_auth_key_rotations_total");

    HttpResponse<String> rotated = new Browser(port).post("/api/admin/keys/rotate", Map.of(),
        "Authorization", SmartFlow.basic(admin, Fixtures.PASSWORD), "Accept", "application/json");

    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
    assertThat(metrics().value("careconnect_auth_key_rotations_total")).isEqualTo(rotations + 1);
  }
}
