package org.careconnect.smart.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.careconnect.smart.cluster.support.BackendClient;
import org.careconnect.smart.cluster.support.Browser;
import org.careconnect.smart.cluster.support.Cluster;
import org.careconnect.smart.cluster.support.LoginFlow;
import org.careconnect.smart.cluster.support.ServiceNode;
import org.careconnect.smart.cluster.support.WriteLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two auth-server and two fhir-server nodes behind nginx sharing one MariaDB (support/Cluster):
 * everything a user or an app does works whichever node serves each request, and killing one node
 * of each kind under load loses no acknowledged write. The node-killing test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String PATIENT_SCOPE = "openid fhirUser launch/patient patient/*.rs offline_access";
  private static final int WRITE_THREADS = 4;
  private static final String EHR_SCOPE = "openid fhirUser launch patient/*.rs";
  /** While the database is down: Hikari's connection-timeout (3 s, mysql profile) and a loaded machine's margin. */
  private static final Duration DATABASE_DOWN_ANSWER = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private static Cluster cluster;
  private static BackendClient backend;

  @BeforeAll
  static void startCluster() throws Exception {
    String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    cluster = new Cluster(Path.of(System.getProperty("cluster.work.dir"), "run-" + run)).start();
    backend = BackendClient.register(cluster.issuer(), cluster.auth1().origin());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  // --- 1. tokens and keys ---

  @Test
  @Order(1)
  void tokenIssuedByEitherAuthNodeWorksOnEitherFhirNodeAndThroughNginx() {
    List<String> fhirBases = List.of(
        cluster.fhir1().origin() + "/fhir/STU3", cluster.fhir2().origin() + "/fhir/STU3", cluster.fhirBase());
    for (String issuedBy : List.of(cluster.auth1().origin(), cluster.auth2().origin(), cluster.issuer())) {
      String token = backend.token(issuedBy);
      assertThat(claims(token)).containsEntry("iss", cluster.issuer());
      for (String base : fhirBases) {
        HttpResponse<String> read = get(base + "/Patient/demo-pat-1", token);
        assertThat(read.statusCode()).as("token from %s at %s", issuedBy, base).isEqualTo(200);
        assertThat(Browser.json(read)).containsEntry("id", "demo-pat-1");
      }
    }
  }

  @Test
  @Order(2)
  void jwksIsTheSameOnBothAuthNodesBecauseTheKeysLiveInTheDatabase() {
    Map<String, Object> one = Browser.json(get(cluster.auth1().origin() + "/oauth2/jwks", null));
    Map<String, Object> two = Browser.json(get(cluster.auth2().origin() + "/oauth2/jwks", null));
    assertThat((List<?>) one.get("keys")).isNotEmpty();
    assertThat(two).isEqualTo(one);
  }

  @Test
  @Order(3)
  void tokenSignedByAKeyNoNodeHoldsIsRefusedByBothFhirNodes() {
    String token = backend.token(cluster.auth1().origin());
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
    for (ServiceNode fhir : cluster.fhirNodes()) {
      HttpResponse<String> refused = get(fhir.origin() + "/fhir/STU3/Patient/demo-pat-1", forged);
      String description = "The access token was refused: Signed JWT rejected: Invalid signature";
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(
          "Bearer realm=\"careconnect-fhir\", error=\"invalid_token\", error_description=\"" + description + "\"");
      assertThat(Browser.json(refused)).isEqualTo(Map.of("resourceType", "OperationOutcome",
          "issue", List.of(Map.of("severity", "error", "code", "login", "diagnostics", description))));
    }
  }

  // --- 2. one login across nodes ---

  @Test
  @Order(10)
  void loginStartedOnOneAuthNodeCompletesOnTheOther() {
    String nhsNumber = nhsNumberOf("demo-pat-2");
    LoginFlow flow = new LoginFlow(cluster.authNodes());

    Map<String, Object> token = flow.token(
        "clinician", "clinician-demo-password", PATIENT_SCOPE, cluster.fhirBase(), null, nhsNumber);

    assertThat(token).containsEntry("patient", "demo-pat-2").containsKeys("access_token", "refresh_token", "id_token");
    // Every step went to the other node than the one before.
    List<String> trail = flow.trail();
    for (int i = 1; i < trail.size(); i++) {
      assertThat(nodeOf(trail.get(i))).as("step %d of %s", i, trail).isNotEqualTo(nodeOf(trail.get(i - 1)));
    }
    assertThat(trail).anyMatch(step -> step.startsWith("POST /picker/patient"))
        .anyMatch(step -> step.startsWith("POST /oauth2/token"));
    // The access token works on both FHIR nodes for the patient picked.
    for (ServiceNode fhir : cluster.fhirNodes()) {
      assertThat(get(fhir.origin() + "/fhir/STU3/Patient/demo-pat-2", (String) token.get("access_token")).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  @Order(11)
  void sessionCookieStaysHttpOnlyAndSameSiteLaxAndIsNotSecureOnPlainHttp() {
    Browser browser = new Browser();
    HttpResponse<String> toLogin = browser.get(cluster.issuer() + "/oauth2/authorize?response_type=code&client_id="
        + LoginFlow.CLIENT_ID + "&scope=openid&redirect_uri=" + LoginFlow.REDIRECT_URI + "&state=s&aud=" + cluster.fhirBase()
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(browser.setCookies()).singleElement().satisfies(cookie -> {
      assertThat(cookie).startsWith("JSESSIONID=");
      assertThat(cookie).contains("; Path=/", "; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
    });
  }

  // --- 3. codes, launch ids, jti markers, refresh families, paging ---

  @Test
  @Order(20)
  void ehrLaunchRegisteredOnOneAuthNodeIsResolvedOnTheOther() throws Exception {
    HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.auth1().origin() + "/api/launch"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("smart-launcher:launcher-demo-secret".getBytes()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"patient\": \"demo-pat-3\", \"client_id\": \"" + LoginFlow.CLIENT_ID + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
    String launch = (String) Browser.json(registered).get("launch");

    // The authorization request carrying the launch id goes to auth-2 first.
    LoginFlow flow = new LoginFlow(List.of(cluster.auth2(), cluster.auth1()));
    Map<String, Object> token = flow.token("clinician", "clinician-demo-password", EHR_SCOPE, cluster.fhirBase(), launch, null);

    assertThat(flow.trail().get(0)).isEqualTo("GET /oauth2/authorize -> auth-2");
    assertThat(token).containsEntry("patient", "demo-pat-3");
  }

  @Test
  @Order(21)
  void clientAssertionUsedOnOneAuthNodeIsRefusedOnTheOther() {
    String assertion = backend.assertion();
    assertThat(backend.tokenResponse(cluster.auth1().origin(), assertion).statusCode()).isEqualTo(200);

    HttpResponse<String> replay = backend.tokenResponse(cluster.auth2().origin(), assertion);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(Browser.json(replay)).isEqualTo(Map.of(
        "error", "invalid_client",
        "error_description", "Client authentication failed: jti was already used",
        "error_uri", "https://datatracker.ietf.org/doc/html/rfc7523#section-3"));
  }

  @Test
  @Order(22)
  void refreshTokenIssuedOnOneNodeRotatesOnTheOtherAndReuseRevokesTheFamilyEverywhere() {
    Map<String, Object> issued = new LoginFlow(cluster.authNodes()).token(
        "clinician", "clinician-demo-password", PATIENT_SCOPE, cluster.fhirBase(), null, nhsNumberOf("demo-pat-1"));
    String first = (String) issued.get("refresh_token");

    HttpResponse<String> rotated = LoginFlow.refresh(cluster.auth2(), first);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String second = (String) Browser.json(rotated).get("refresh_token");
    assertThat(second).isNotEqualTo(first);
    assertThat(Browser.json(rotated)).containsEntry("patient", "demo-pat-1");

    // The spent token presented again, on the first node: refused, and the family revoked.
    HttpResponse<String> reuse = LoginFlow.refresh(cluster.auth1(), first);
    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(Browser.json(reuse)).isEqualTo(Map.of("error", "invalid_grant"));

    HttpResponse<String> newest = LoginFlow.refresh(cluster.auth2(), second);
    assertThat(newest.statusCode()).isEqualTo(400);
    assertThat(Browser.json(newest)).isEqualTo(Map.of("error", "invalid_grant"));
  }

  @Test
  @Order(23)
  void searchPageOneFromOneFhirNodeAndTheNextPageFromTheOther() {
    String token = backend.token(cluster.issuer());
    HttpResponse<String> first = get(cluster.fhir1().origin() + "/fhir/STU3/Patient?_count=1&_sort=_lastUpdated", token);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String next = link(Browser.json(first), "next");
    // Links carry the public base (nginx); follow this one on fhir-2 directly.
    assertThat(next).startsWith(cluster.fhirBase());
    String onNode2 = cluster.fhir2().origin() + next.substring(cluster.fhirBase().length() - "/fhir/STU3".length());

    HttpResponse<String> second = get(onNode2, token);

    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(ids(Browser.json(second))).hasSize(1).doesNotContainAnyElementsOf(ids(Browser.json(first)));
  }

  // --- 5. login lockout shared by the nodes ---

  @Test
  @Order(30)
  void failedLoginsOnBothNodesAddUpToOneLockout() {
    Browser browser = new Browser();
    List<ServiceNode> nodes = cluster.authNodes();
    // max-failures is 5 (application.yaml): 3 failures on one node and 2 on the other lock the user.
    for (int i = 0; i < 5; i++) {
      ServiceNode node = nodes.get(i % 2);
      HttpResponse<String> failed = attempt(browser, node, "wrong-password-" + i);
      assertThat(Browser.location(failed)).as("failure %d on %s", i + 1, node.name()).endsWith("/login?error");
    }

    for (ServiceNode node : nodes) {
      HttpResponse<String> locked = attempt(browser, node, "patient-demo-password");
      assertThat(locked.statusCode()).isEqualTo(302);
      assertThat(Browser.location(locked)).as("right password on %s while locked", node.name()).endsWith("/login?locked");
    }
    HttpResponse<String> page = browser.get(cluster.auth2().origin() + "/login?locked");
    assertThat(page.body()).contains("Too many failed attempts. Wait a minute, then try again.");
  }

  private static HttpResponse<String> attempt(Browser browser, ServiceNode node, String password) {
    String csrf = Browser.csrf(browser.get(node.origin() + "/login"));
    return browser.post(node.origin() + "/login", Map.of("username", "patient2", "password", password, "_csrf", csrf));
  }

  // --- 4. the shared database stopped and started ---

  @Test
  @Order(90)
  void databaseStoppedMakesEveryNodeAnswer503QuicklyAndAllRecoverByThemselves() throws Exception {
    String token = backend.token(cluster.issuer());
    String search = "/fhir/STU3/Patient?family=OutageCheck";
    cluster.database().stop();
    try {
      for (ServiceNode fhir : cluster.fhirNodes()) {
        long started = System.nanoTime();
        HttpResponse<String> refused = get(fhir.origin() + search, token);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answer time on %s", fhir.name())
            .isLessThan(DATABASE_DOWN_ANSWER);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(Browser.json(refused)).containsEntry("resourceType", "OperationOutcome");
        assertThat(refused.body()).contains("The FHIR server's database is unavailable. Try again shortly.");
        assertThat(get(fhir.origin() + "/actuator/health/readiness", null).statusCode())
            .as("readiness of %s while the database is down", fhir.name()).isEqualTo(503);
      }
      for (ServiceNode auth : cluster.authNodes()) {
        long started = System.nanoTime();
        HttpResponse<String> refused = backend.tokenResponse(auth.origin(), backend.assertion());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answer time on %s", auth.name())
            .isLessThan(DATABASE_DOWN_ANSWER);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"temporarily_unavailable\",\"error_description\":"
            + "\"The authorization server's database is unavailable. Try again shortly.\"}");
      }
    } finally {
      cluster.database().start();
    }

    // Nobody restarts the nodes: each one serves again once the database is back.
    Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      for (ServiceNode auth : cluster.authNodes()) {
        assertThat(backend.tokenResponse(auth.origin(), backend.assertion()).statusCode()).isEqualTo(200);
      }
      for (ServiceNode fhir : cluster.fhirNodes()) {
        assertThat(get(fhir.origin() + search, token).statusCode()).isEqualTo(200);
        assertThat(get(fhir.origin() + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
      }
    });
  }

  // --- 5. a node of each kind killed under load ---

  @Test
  @Order(100)
  void killingOneNodeOfEachKindUnderWriteLoadLosesNoAcknowledgedWrite() throws Exception {
    String token = backend.token(cluster.issuer());
    WriteLoad writes = new WriteLoad(
        WriteLoad.post(cluster.fhirBase() + "/Patient", token, "application/fhir+json",
            tag -> "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"Cluster" + tag + "\"}]}"),
        response -> response.headers().firstValue("Location")
            .map(location -> location.replaceAll(".*/Patient/([^/]+)/_history/.*", "$1")).orElse(null));
    WriteLoad tokens = new WriteLoad(
        (http, tag) -> backend.tokenResponse(cluster.issuer(), backend.assertion()), response -> null);

    WriteLoad.Running writing = writes.start(WRITE_THREADS, Duration.ofSeconds(15));
    WriteLoad.Running issuing = tokens.start(1, Duration.ofSeconds(15));
    LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
    cluster.fhir1().kill();
    cluster.auth1().kill();
    writes.markNow();
    tokens.markNow();
    writing.await();
    issuing.await();

    String report = writes.summary("FHIR writes through nginx (4 threads, 15 s, fhir-1 killed at 5 s)") + "\n"
        + tokens.summary("Token requests through nginx (1 thread, 15 s, auth-1 killed at 5 s)") + "\n";
    System.out.print(report);
    Files.writeString(cluster.dir().resolve("failover.txt"), report);

    // Every acknowledged write is there, read by id from the surviving node.
    assertThat(writes.acknowledged().size() - writes.successesAfterMark()).as("writes before the kill").isPositive();
    List<String> lost = new ArrayList<>();
    writes.acknowledged().forEach((id, tag) -> {
      HttpResponse<String> read = get(cluster.fhir2().origin() + "/fhir/STU3/Patient/" + id, token);
      if (read.statusCode() != 200 || !read.body().contains("Cluster" + tag)) {
        lost.add(id + " (" + read.statusCode() + ")");
      }
    });
    assertThat(lost).as("acknowledged writes not readable").isEmpty();

    // The clients saw a short burst of errors (at most 2 s from first to last), no more than the
    // requests in flight on the killed node plus one per cached connection to it (2 per thread):
    // nginx does not resend a POST that reached the dead node (deploy/nginx/careconnect.conf).
    // Then the survivors went on serving.
    assertThat(writes.errorBurst()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(writes.errors()).isLessThanOrEqualTo(2 * WRITE_THREADS);
    assertThat(writes.successesAfterMark()).isGreaterThanOrEqualTo(5);
    assertThat(tokens.errorBurst()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(tokens.errors()).isLessThanOrEqualTo(2);
    assertThat(tokens.successesAfterMark()).isGreaterThanOrEqualTo(3);
  }

  // --- helpers ---

  private static HttpResponse<String> get(String url, String token) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Accept", "application/fhir+json, application/json");
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(url + ": " + e, e);
    }
  }

  private static String nhsNumberOf(String patientId) {
    Map<String, Object> patient = Browser.json(get(cluster.fhirBase() + "/Patient/" + patientId, backend.token(cluster.issuer())));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> identifiers = (List<Map<String, Object>>) patient.get("identifier");
    return identifiers.stream()
        .filter(i -> String.valueOf(i.get("system")).endsWith("nhs-number"))
        .map(i -> (String) i.get("value")).findFirst().orElseThrow();
  }

  private static Map<String, Object> claims(String jwt) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
          Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String link(Map<String, Object> bundle, String relation) {
    return ((List<Map<String, Object>>) bundle.get("link")).stream()
        .filter(l -> relation.equals(l.get("relation"))).map(l -> (String) l.get("url"))
        .findFirst().orElseThrow(() -> new AssertionError("No " + relation + " link in " + bundle));
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> bundle) {
    return ((List<Map<String, Object>>) bundle.getOrDefault("entry", List.of())).stream()
        .map(e -> (String) ((Map<String, Object>) e.get("resource")).get("id")).toList();
  }

  private static String nodeOf(String step) {
    return step.substring(step.lastIndexOf("-> ") + 3);
  }
}
