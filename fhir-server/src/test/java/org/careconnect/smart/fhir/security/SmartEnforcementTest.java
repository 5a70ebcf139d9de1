package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IBaseInterceptorBroadcaster.IInvoker;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.careconnect.smart.fhir.server.CareConnectRestfulServer;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.fhir.support.Variant;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMART enforcement with security on, tokens signed by {@link TestTokens}: each rule with a
 * positive and a negative case, exact status and body.
 */
@SpringBootTest(
    classes = FhirServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:fhir-security;MODE=MySQL;DB_CLOSE_DELAY=-1",
      "careconnect.fhir.security.enabled=true",
      "careconnect.fhir.security.issuer=" + TestTokens.ISSUER,
      "careconnect.fhir.security.audience=" + TestTokens.AUDIENCE,
      "careconnect.fhir.default-page-size=2"
    })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartEnforcementTest {

  static final String VITAL_SIGNS = "http://hl7.org/fhir/observation-category|vital-signs";

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("careconnect.fhir.security.jwks-uri", () -> TestTokens.shared().jwksUri());
  }

  @LocalServerPort int port;
  @Autowired CareConnectRestfulServer server;
  final TestTokens tokens = TestTokens.shared();
  final HttpClient http = HttpClient.newHttpClient();
  final FhirContext fhir = FhirContext.forDstu3Cached();
  final Variant mine = Variant.a();
  final Variant theirs = Variant.b();
  String admin;

  @BeforeAll
  void storeTwoPatientsRecords() throws Exception {
    admin = tokens.sign(TestTokens.claims("system/*.*").build());
    for (Variant v : new Variant[] {mine, theirs}) {
      for (Fixture fixture : Fixture.all()) {
        put(fixture.build(v), admin);
      }
      Observation lab = (Observation) Fixture.all().stream().filter(f -> f.type().equals("Observation"))
          .findFirst().orElseThrow().build(v);
      lab.setId("lab-" + v.id("patient"));
      lab.getCategoryFirstRep().getCodingFirstRep()
          .setSystem("http://hl7.org/fhir/observation-category").setCode("laboratory");
      assertThat(put(lab, admin).statusCode()).isIn(200, 201);
      Observation vital = lab.copy();
      vital.setId("vital-" + v.id("patient"));
      vital.getCategoryFirstRep().getCodingFirstRep().setCode("vital-signs");
      assertThat(put(vital, admin).statusCode()).isIn(200, 201);
    }
  }

  // --- tokens -----------------------------------------------------------------------------

  @Test
  void requestWhenNoTokenThen401WithBearerChallenge() throws Exception {
    HttpResponse<String> response = get("/Patient/" + mine.id("patient"), null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"careconnect-fhir\"");
    assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("bearer access token is required");
  }

  @Test
  void readWhenValidTokenThen200() throws Exception {
    assertThat(get("/Patient/" + mine.id("patient"), admin).statusCode()).isEqualTo(200);
  }

  @Test
  void requestWhenTokenExpiredThen401InvalidToken() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    String token = tokens.sign(TestTokens.claims("system/*.*").issueTime(Date.from(past))
        .notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());
    assertInvalidToken(token, "Expired JWT");
  }

  @Test
  void requestWhenExpiryWithinClockSkewThen200() throws Exception {
    String token = tokens.sign(TestTokens.claims("system/*.*")
        .expirationTime(Date.from(Instant.now().minusSeconds(20))).build());
    assertThat(get("/Patient/" + mine.id("patient"), token).statusCode()).isEqualTo(200);
  }

  @Test
  void requestWhenWrongAudienceThen401InvalidToken() throws Exception {
    assertInvalidToken(tokens.sign(TestTokens.claims("system/*.*").audience("https://other.example/fhir").build()),
        "aud claim rejected");
  }

  @Test
  void requestWhenWrongIssuerThen401InvalidToken() throws Exception {
    assertInvalidToken(tokens.sign(TestTokens.claims("system/*.*").issuer("https://evil.example").build()), "iss");
  }

  @Test
  void requestWhenPayloadTamperedThen401InvalidToken() throws Exception {
    var original = TestTokens.claims("patient/*.rs").claim("patient", mine.id("patient")).build();
    var forged = TestTokens.claims("system/*.*").build();
    assertInvalidToken(tokens.tampered(original, forged), "Invalid signature");
  }

  @Test
  void requestWhenAlgNoneThen401InvalidToken() throws Exception {
    assertInvalidToken(TestTokens.unsigned(TestTokens.claims("system/*.*").build()), "refused");
  }

  @Test
  void requestWhenHs256SignedWithThePublicKeyThen401InvalidToken() throws Exception {
    assertInvalidToken(tokens.hmacWithPublicKey(TestTokens.claims("system/*.*").build()), "refused");
  }

  /** ES256: what our authorisation server signs access tokens with (docs/decisions/0018). */
  @Test
  void readWhenEs256SignedByTheJwksEcKeyThen200() throws Exception {
    String token = tokens.signEs256(tokens.ecKey.getKeyID(), TestTokens.claims("system/*.rs").build());
    assertThat(get("/Patient/" + mine.id("patient"), token).statusCode()).isEqualTo(200);
  }

  /**
   * The key selector takes only a key whose type fits the algorithm: an EC signature is never
   * checked against the RSA key.
   */
  @Test
  void requestWhenEs256NamesTheRsaKeyThen401InvalidToken() throws Exception {
    assertInvalidToken(tokens.signEs256(tokens.key.getKeyID(), TestTokens.claims("system/*.rs").build()), "refused");
  }

  @Test
  void requestWhenEs256PayloadTamperedThen401InvalidToken() throws Exception {
    String own = tokens.signEs256(tokens.ecKey.getKeyID(),
        TestTokens.claims("patient/*.rs").claim("patient", mine.id("patient")).build());
    assertInvalidToken(TestTokens.withPayload(own, TestTokens.claims("system/*.*").build()), "Invalid signature");
  }

  @Test
  void requestWhenUnknownKidThen401InvalidToken() throws Exception {
    assertInvalidToken(TestTokens.sign(tokens.stranger, TestTokens.claims("system/*.*").build()), "refused");
  }

  /**
   * Verified tokens are remembered by the header value in one spelling: the same token sent with
   * another case of the scheme or more spaces is still accepted, and a remembered header with one
   * byte more is a new token, refused.
   */
  @Test
  void rememberedTokenWhenSentWithOtherSpellingOrAByteMoreThenJudgedOnItsOwn() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    String path = "/Patient/" + mine.id("patient");
    assertThat(get(path, token).statusCode()).isEqualTo(200);

    for (String spelling : new String[] {"bearer " + token, "BEARER  " + token}) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
          .header("Authorization", spelling).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(spelling.substring(0, 8)).isEqualTo(200);
    }
    assertInvalidToken(token + "A", "refused");
    assertThat(get(path, token).statusCode()).isEqualTo(200);
  }

  @Test
  void metadataWhenNoTokenThen200DeclaringSmart() throws Exception {
    HttpResponse<String> response = get("/metadata", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("SMART-on-FHIR")
        .contains(SmartCapabilityStatement.OAUTH_URIS)
        .contains(TestTokens.ISSUER + "/oauth2/authorize").contains(TestTokens.ISSUER + "/oauth2/token");
  }

  /** Found by the browser journeys: fhirclient reads it first, without a token, by CORS. */
  @Test
  void smartConfigurationWhenNoTokenThenNotChallengedAndCors() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/.well-known/smart-configuration"))
        .header("Origin", "http://localhost:9200").build(), HttpResponse.BodyHandlers.ofString());
    // 200 with the authorisation server's document, or 503 here where it cannot be fetched
    assertThat(response.statusCode()).isIn(200, 503);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");
  }

  // --- patient compartment --------------------------------------------------------------------

  @Test
  void readWhenPatientTokenThenOwnRecordButNotAnotherPatients() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    assertThat(get("/Patient/" + mine.id("patient"), token).statusCode()).isEqualTo(200);
    assertThat(get("/Observation/lab-" + mine.id("patient"), token).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = get("/Observation/lab-" + theirs.id("patient"), token);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");
    assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"").doesNotContain(theirs.id("patient") + "\",\"name");
    assertThat(get("/Patient/" + theirs.id("patient"), token).statusCode()).isEqualTo(403);
  }

  @Test
  void searchWhenPatientTokenThenOnlyOwnCompartment() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    HttpResponse<String> all = get("/Observation?_count=100", token);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("lab-" + mine.id("patient")).doesNotContain("lab-" + theirs.id("patient"));
    HttpResponse<String> theirsAsked = get("/Observation?patient=" + theirs.id("patient"), token);
    // search narrowing refuses it itself; the refusal still carries the SMART challenge
    assertThat(theirsAsked.statusCode()).isEqualTo(403);
    assertThat(theirsAsked.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"careconnect-fhir\", error=\"insufficient_scope\"");
    assertThat(theirsAsked.body()).contains("\"resourceType\":\"OperationOutcome\"")
        .doesNotContain("lab-" + theirs.id("patient"));
  }

  @Test
  void includeWhenPatientTokenThenIncludesAndRevincludesStayInCompartment() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    HttpResponse<String> revinclude = get("/Patient?_id=" + theirs.id("patient") + "&_revinclude=Observation:subject", token);
    assertThat(revinclude.body()).doesNotContain("lab-" + theirs.id("patient"));
    HttpResponse<String> include = get("/Observation?_include=Observation:subject&_count=100", token);
    assertThat(include.statusCode()).isEqualTo(200);
    assertThat(include.body()).doesNotContain("\"id\":\"" + theirs.id("patient") + "\"");
  }

  @Test
  void historyWhenPatientTokenAsksForAnotherPatientsResourceThen403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    assertThat(get("/Observation/lab-" + mine.id("patient") + "/_history", token).statusCode()).isEqualTo(200);
    assertThat(get("/Observation/lab-" + theirs.id("patient") + "/_history", token).statusCode()).isEqualTo(403);
    assertThat(get("/Observation/_history", token).statusCode()).isEqualTo(403);
  }

  @Test
  void transactionWhenPatientTokenReadsAnotherPatientThen403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Observation/lab-" + theirs.id("patient"));
    HttpResponse<String> response = post("", fhir.newJsonParser().encodeResourceToString(batch), token);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("laboratory");
  }

  @Test
  void pageLinkWhenUsedWithAnotherTokenThen410() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    HttpResponse<String> first = get("/Observation", token);
    Bundle page = fhir.newJsonParser().parseResource(Bundle.class, first.body());
    String next = page.getLink("next").getUrl();
    String query = next.substring(next.indexOf('?'));
    assertThat(get(query, token).statusCode()).isEqualTo(200);
    String other = tokens.patientToken(theirs.id("patient"), "patient/*.read");
    HttpResponse<String> stolen = get(query, other);
    assertThat(stolen.statusCode()).isEqualTo(410);
    assertThat(stolen.body()).doesNotContain(mine.id("patient"));
  }

  // --- writes ---------------------------------------------------------------------------------

  @Test
  void writeWhenReadOnlyTokenThen403AlsoInATransaction() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    Observation observation = (Observation) fhir.newJsonParser()
        .parseResource(get("/Observation/vital-" + mine.id("patient"), token).body());
    observation.setId((String) null);
    HttpResponse<String> create = post("/Observation", fhir.newJsonParser().encodeResourceToString(observation), token);
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(create.body()).contains("no granted scope allows create of Observation");
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    assertThat(post("", fhir.newJsonParser().encodeResourceToString(transaction), token).statusCode()).isEqualTo(403);
  }

  @Test
  void writeWhenPatientWriteTokenThenOwnCompartmentOnly() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.*");
    Observation own = (Observation) fhir.newJsonParser()
        .parseResource(get("/Observation/vital-" + mine.id("patient"), token).body());
    own.setId((String) null);
    assertThat(post("/Observation", fhir.newJsonParser().encodeResourceToString(own), token).statusCode()).isEqualTo(201);
    Observation foreign = own.copy();
    foreign.getSubject().setReference("Patient/" + theirs.id("patient"));
    assertThat(post("/Observation", fhir.newJsonParser().encodeResourceToString(foreign), token).statusCode()).isEqualTo(403);
    HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/Observation/vital-" + theirs.id("patient"))).DELETE(), token);
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(get("/Observation/vital-" + theirs.id("patient"), admin).statusCode()).isEqualTo(200);
  }

  // --- granular scopes ------------------------------------------------------------------------

  @Test
  void searchWhenVitalSignsTokenThenNoLaboratoryResult() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/Observation.rs?category=" + VITAL_SIGNS);
    HttpResponse<String> search = get("/Observation?_count=100", token);
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains("vital-" + mine.id("patient")).doesNotContain("laboratory");
    HttpResponse<String> asked = get("/Observation?category=laboratory", token);
    assertThat(asked.body()).doesNotContain("\"laboratory\"");
    HttpResponse<String> read = get("/Observation/lab-" + mine.id("patient"), token);
    assertThat(read.body()).doesNotContain("laboratory");
  }

  // --- CORS -----------------------------------------------------------------------------------

  @Test
  void preflightWhenNoTokenThen200WithCorsHeaders() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/Patient"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:9200")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization, content-type, accept, prefer").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
        .contains("authorization").contains("prefer");
  }

  @Test
  void refusalWhen401Or403ThenCorsHeaders() throws Exception {
    HttpResponse<String> unauthorised = http.send(HttpRequest.newBuilder(uri("/Patient"))
        .header("Origin", "http://localhost:9200").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unauthorised.statusCode()).isEqualTo(401);
    assertThat(unauthorised.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");
    HttpResponse<String> forbidden = http.send(HttpRequest.newBuilder(uri("/Patient/" + theirs.id("patient")))
        .header("Origin", "http://localhost:9200").header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");
  }

  @Test
  void requestWhenNoOriginThenOnlyVaryHeaders() throws Exception {
    HttpResponse<String> response = get("/Patient/" + mine.id("patient"), admin);

    assertThat(response.statusCode()).isEqualTo(200);
    // caches must not serve this answer to a browser request from an origin; one line, not three
    assertThat(response.headers().allValues("Vary"))
        .containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void preflightWhenUnknownOriginThen403AndNoCorsHeaders() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/Patient"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("Invalid CORS request");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Origin");
  }

  @Test
  void requestWhenAllowedOriginThenCorsHeadersAndVary() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/Patient/" + mine.id("patient")))
        .header("Origin", "http://localhost:9200").header("Authorization", "Bearer " + admin).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:9200");
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("ETag");
    assertThat(String.join(",", response.headers().allValues("Vary")))
        .contains("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");
  }

  @Test
  void requestWhenUnknownOriginThenNoCorsHeaders() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/metadata"))
        .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  // --- $everything, conditional writes, letter by letter ------------------------------------

  @Test
  void everythingWhenPatientTokenThenOwnRecord200AndAnotherPatients403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.read");

    HttpResponse<String> own = get("/Patient/" + mine.id("patient") + "/$everything?_count=100", token);
    HttpResponse<String> theirsAsked = get("/Patient/" + theirs.id("patient") + "/$everything?_count=100", token);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("lab-" + mine.id("patient")).doesNotContain(theirs.id("patient"));
    assertForbidden(theirsAsked, "Access denied: no granted scope allows this request");
  }

  @Test
  void conditionalCreateWhenPatientWriteTokenThenOwn201AndAnotherPatients403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.*");
    Observation own = observationFor(mine, "conditional-create");
    Observation foreign = observationFor(theirs, "conditional-create");

    HttpResponse<String> created = write("POST", "/Observation", own, token, "If-None-Exist", "identifier=" + identifierOf(own));
    HttpResponse<String> refused =
        write("POST", "/Observation", foreign, token, "If-None-Exist", "identifier=" + identifierOf(foreign));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertForbidden(refused, "Access denied: no granted scope allows this request");
    assertNotStored(foreign);
  }

  @Test
  void conditionalUpdateWhenPatientWriteTokenThenOwn200AndAnotherPatients403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.*");
    Observation own = observationFor(mine, "conditional-update");
    Observation foreign = observationFor(theirs, "conditional-update");
    put(own, admin);
    put(foreign, admin);
    own.setStatus(Observation.ObservationStatus.AMENDED);
    foreign.setStatus(Observation.ObservationStatus.AMENDED);

    HttpResponse<String> updated = write("PUT", "/Observation?identifier=" + identifierOf(own), own, token);
    HttpResponse<String> refused = write("PUT", "/Observation?identifier=" + identifierOf(foreign), foreign, token);

    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(get("/Observation/" + own.getIdElement().getIdPart(), admin).body()).contains("\"status\":\"amended\"");
    assertForbidden(refused, "Access denied: no granted scope allows this request");
    assertThat(get("/Observation/" + foreign.getIdElement().getIdPart(), admin).body())
        .contains("\"status\":\"final\"").doesNotContain("amended");
  }

  @Test
  void conditionalDeleteWhenPatientWriteTokenThenOwnDeletedAndAnotherPatientsKept() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/*.*");
    Observation own = observationFor(mine, "conditional-delete");
    Observation foreign = observationFor(theirs, "conditional-delete");
    put(own, admin);
    put(foreign, admin);

    HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/Observation?identifier=" + identifierOf(own))).DELETE(), token);
    HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/Observation?identifier=" + identifierOf(foreign))).DELETE(), token);

    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(get("/Observation/" + own.getIdElement().getIdPart(), admin).statusCode()).isEqualTo(410);
    // narrowed to the token's compartment, the condition matches nothing there
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
    assertThat(refused.body()).contains("Conditional delete")
        .contains("matched nothing").contains(mine.id("patient"));
    assertThat(get("/Observation/" + foreign.getIdElement().getIdPart(), admin).statusCode()).isEqualTo(200);
  }

  @Test
  void transactionCreateWhenUpdateOnlyTokenThen403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/Observation.u");
    Observation own = observationFor(mine, "update-only");
    own.setId((String) null);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:5a0e8a52-8f5e-4b0e-9a53-0a0f1e6b2c11").setResource(own)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

    HttpResponse<String> response = post("", fhir.newJsonParser().encodeResourceToString(transaction), token);

    assertForbidden(response, "Access denied: no granted scope allows create of Observation");
    assertNotStored(own);
  }

  @Test
  void updateWhenCreateOnlyTokenThen403() throws Exception {
    String token = tokens.patientToken(mine.id("patient"), "patient/Observation.c");
    Observation own = observationFor(mine, "create-only");
    put(own, admin);
    own.setStatus(Observation.ObservationStatus.AMENDED);

    HttpResponse<String> response = write("PUT", "/Observation/" + own.getIdElement().getIdPart(), own, token);

    assertForbidden(response, "Access denied: no granted scope allows update of Observation");
    assertThat(get("/Observation/" + own.getIdElement().getIdPart(), admin).body()).doesNotContain("amended");
  }

  @Test
  void refusalWhen401Or403ThenNothingLoggedAtError() throws Exception {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
        new ch.qos.logback.core.read.ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try {
      HttpResponse<String> unauthorised = get("/Patient/" + mine.id("patient"), null);
      HttpResponse<String> invalid = get("/Patient/" + mine.id("patient"), "not-a-jwt");
      HttpResponse<String> forbidden = get("/Patient/" + theirs.id("patient"),
          tokens.patientToken(mine.id("patient"), "patient/*.read"));

      assertThat(unauthorised.statusCode()).isEqualTo(401);
      assertThat(invalid.statusCode()).isEqualTo(401);
      assertThat(forbidden.statusCode()).isEqualTo(403);
    } finally {
      root.detachAppender(captured);
    }
    assertThat(captured.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
        .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  // --- how HAPI reaches the enforcement ---------------------------------------------------------

  /**
   * Through {@link SmartEnforcementHooks} alone (decision 0016): none of HAPI's three interceptors
   * is registered on its own, which would run its hooks twice, and the relay runs after the
   * server's other request hooks, where HAPI put its authorisation and consent interceptors.
   */
  @Test
  void hapiWhenCallingTheEnforcementThenThroughOneInterceptorAfterTheOthers() {
    for (Pointcut pointcut : List.of(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED,
        Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, Pointcut.SERVER_OUTGOING_RESPONSE)) {
      List<Object> interceptors = server.getInterceptorService().getInvokersForPointcut(pointcut).stream()
          .map(IInvoker::getInterceptor).toList();

      assertThat(interceptors).as(pointcut.name()).noneMatch(interceptor -> interceptor instanceof AuthorizationInterceptor
          || interceptor instanceof SearchNarrowingInterceptor || interceptor instanceof ConsentInterceptor);
      assertThat(interceptors).as(pointcut.name()).filteredOn(SmartEnforcementHooks.class::isInstance).hasSize(1);
      int relay = interceptors.indexOf(interceptors.stream().filter(SmartEnforcementHooks.class::isInstance)
          .findFirst().orElseThrow());
      // only the JSON writer (order Integer.MAX_VALUE, last by design) may come after it
      assertThat(interceptors.subList(relay + 1, interceptors.size())).as(pointcut.name())
          .allMatch(interceptor -> interceptor.getClass().getSimpleName().equals("StoredJsonResponses"));
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A copy of a patient's vital-signs Observation with an id and identifier of its own. */
  private Observation observationFor(Variant v, String purpose) throws Exception {
    Observation observation = (Observation) fhir.newJsonParser()
        .parseResource(get("/Observation/vital-" + v.id("patient"), admin).body());
    String id = purpose + "-" + v.id("patient");
    observation.setId(id);
    observation.getMeta().setVersionId(null).setLastUpdated(null);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.getIdentifier().clear();
    observation.addIdentifier().setSystem("https://test.example/obs").setValue(id);
    return observation;
  }

  /** No resource with this Observation's identifier exists (as the admin sees it). */
  private void assertNotStored(Observation observation) throws Exception {
    assertThat(get("/Observation?identifier=" + identifierOf(observation), admin).body()).contains("\"total\":0");
  }

  /** The identifier as a token search value, URL-encoded ({@code system%7Cvalue}). */
  private static String identifierOf(Observation observation) {
    return observation.getIdentifierFirstRep().getSystem() + "%7C" + observation.getIdentifierFirstRep().getValue();
  }

  /** 403, the SMART challenge and an OperationOutcome with exactly this diagnostic. */
  private void assertForbidden(HttpResponse<String> response, String diagnostics) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");
    org.hl7.fhir.dstu3.model.OperationOutcome outcome = (org.hl7.fhir.dstu3.model.OperationOutcome)
        fhir.newJsonParser().parseResource(response.body());
    assertThat(outcome.getIssue()).extracting(i -> i.getDiagnostics()).containsExactly(diagnostics);
  }


  private void assertInvalidToken(String token, String described) throws Exception {
    HttpResponse<String> response = get("/Patient/" + mine.id("patient"), token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"careconnect-fhir\", error=\"invalid_token\", error_description=\"")
        .contains(described);
    assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + "/fhir/STU3" + path);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), token);
  }

  private HttpResponse<String> put(Resource resource, String token) throws Exception {
    HttpResponse<String> response =
        write("PUT", "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource, token);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response;
  }

  /** {@code method path} with the resource as JSON body and these extra headers (name, value, ...). */
  private HttpResponse<String> write(String method, String path, Resource resource, String token, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/fhir+json")
        .method(method, HttpRequest.BodyPublishers.ofString(fhir.newJsonParser().encodeResourceToString(resource)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request, token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString());
  }
}
