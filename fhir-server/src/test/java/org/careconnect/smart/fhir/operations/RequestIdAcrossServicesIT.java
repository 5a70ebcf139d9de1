package org.careconnect.smart.fhir.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.careconnect.smart.fhir.security.TestTokens;
import org.careconnect.smart.fhir.support.SmartStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request id follows a FHIR request to the authorisation server: the packaged fhir-server and
 * auth-server as processes on loopback; the auth-server logs each request it secures (Spring
 * Security's DEBUG line), so its log shows the id the fhir-server forwarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdAcrossServicesIT {

  @TempDir static Path dataDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private SmartStack stack;

  @BeforeAll
  void startBothServers() throws Exception {
    stack = new SmartStack(dataDir).start(List.of(),
        List.of("--logging.level.org.springframework.security.web.FilterChainProxy=DEBUG"));
  }

  @AfterAll
  void stopBothServers() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void smartConfigurationWhenFetchedFromTheAuthServerThenItsLogCarriesTheCallersRequestId() throws Exception {
    HttpResponse<String> response = get(stack.base() + "/.well-known/smart-configuration",
        "X-Request-Id", "xsvc-smart-config-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("X-Request-Id")).containsExactly("xsvc-smart-config-1");
    assertAuthLogShows("[xsvc-smart-config-1] ", "/.well-known/smart-configuration");
  }

  @Test
  void tokenWhenItsKeysAreFetchedThenTheJwksRequestCarriesTheCallersRequestId() throws Exception {
    // a well-formed JWT under a key id the fhir-server has never seen: it fetches the JWKS
    String stranger = TestTokens.shared().sign(TestTokens.claims("patient/*.rs").build());

    HttpResponse<String> response = get(stack.base() + "/Patient", "X-Request-Id", "xsvc-jwks-1",
        "Authorization", "Bearer " + stranger);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().allValues("X-Request-Id")).containsExactly("xsvc-jwks-1");
    assertAuthLogShows("[xsvc-jwks-1] ", "/oauth2/jwks");
  }

  private HttpResponse<String> get(String url, String... headers) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).headers(headers).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A line of the auth-server's log with both texts (the log is written asynchronously to disk). */
  private void assertAuthLogShows(String requestId, String path) {
    Awaitility.await("auth-server log line with " + requestId).atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Files.readAllLines(stack.auth().log()).stream()
            .anyMatch(line -> line.contains(requestId) && line.contains(path)));
  }
}
