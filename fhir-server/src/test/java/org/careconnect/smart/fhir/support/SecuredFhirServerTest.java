package org.careconnect.smart.fhir.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.careconnect.smart.fhir.security.TestTokens;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real server on a random port with security on, tokens signed by {@link TestTokens}, for
 * the tests of what sits beside security (audit, the open face). Each request gets its own
 * X-Request-ID, by which its audit record is found. A subclass may add settings with
 * {@code @TestPropertySource}, which win over these.
 */
@SpringBootTest(
    classes = FhirServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:fhir-audit;MODE=MySQL;DB_CLOSE_DELAY=-1",
      "careconnect.fhir.security.enabled=true",
      "careconnect.fhir.security.issuer=" + TestTokens.ISSUER,
      "careconnect.fhir.security.audience=" + TestTokens.AUDIENCE
    })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecuredFhirServerTest {

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("careconnect.fhir.security.jwks-uri", () -> TestTokens.shared().jwksUri());
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  protected final TestTokens tokens = TestTokens.shared();
  private FhirTestClient client;

  protected FhirTestClient client() {
    if (client == null) {
      client = new FhirTestClient(port);
    }
    return client;
  }

  /** A clinician's token (user/ scopes reach data only for a Practitioner user). */
  protected String token(String scope) {
    return tokens.sign(TestTokens.claims(scope).claim("fhirUser", "Practitioner/test-clinician").build());
  }

  /** A request with a fresh X-Request-ID (returned in the response) and, unless null, a token. */
  protected HttpResponse<String> send(String method, String path, String token, String body) {
    List<String> headers = new ArrayList<>(List.of("X-Request-ID", FhirTestClient.unique("req-"), "Accept", "application/fhir+json"));
    if (token != null) {
      headers.addAll(List.of("Authorization", "Bearer " + token));
    }
    return client().send(method, path, body == null ? null : "application/fhir+json", body, headers.toArray(String[]::new));
  }

  /** A Patient with a unique family name, created with a system token; its id. */
  protected String createPatient() {
    String family = FhirTestClient.unique("Audited");
    HttpResponse<String> created = send("POST", "Patient", token("system/*.*"),
        "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"" + family + "\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.replaceAll(".*/Patient/([^/]+)/_history/.*", "$1");
  }

  protected static String requestId(HttpResponse<String> response) {
    return response.request().headers().firstValue("X-Request-ID").orElseThrow();
  }

  /** The audit row of a request, waiting for the background writer (flush every 200 ms). */
  protected Map<String, Object> auditRowOf(HttpResponse<String> response) {
    String id = requestId(response);
    List<Map<String, Object>> rows = Awaitility.await("audit record for request " + id)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> jdbc.queryForList("SELECT * FROM audit_event WHERE request_id = ?", id),
            found -> !found.isEmpty());
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
