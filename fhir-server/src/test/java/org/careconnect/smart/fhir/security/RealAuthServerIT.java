package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.careconnect.smart.fhir.support.AuthServerProcess;
import org.careconnect.smart.fhir.support.AuthorizationCodeFlow;
import org.careconnect.smart.fhir.support.SmartStack;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMART enforcement with tokens issued by the real authorisation server (issue 4, "Tests"): the
 * auth-server exec jar (demo profile: patient1 = Patient/demo-pat-1, patient2, clinician;
 * sample-app, confidential-app) and the fhir-server exec jar (demo profile, three demo patients),
 * both as processes on loopback ports, the FHIR server trusting the authorisation server's issuer
 * and JWKS, tokens got through the authorization-code flow over HTTP (login with CSRF, consent,
 * code exchange with PKCE or client secret). One pair of processes for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAuthServerIT {

  private static final String VITAL_SIGNS = "http://hl7.org/fhir/observation-category|vital-signs";
  private static final String ORIGIN = "http://localhost:9200";
  private static final String PATIENT_PASSWORD = "patient-demo-password";
  private static final String CLINICIAN_PASSWORD = "clinician-demo-password";
  private static final String MINE = "demo-pat-1";
  private static final String THEIRS = "demo-pat-2";

  @TempDir static Path dataDir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final FhirContext fhir = FhirContext.forDstu3Cached();
  private SmartStack stack;
  private AuthServerProcess auth;
  private String base;
  private String otherBase;
  private String patientToken;
  private String clinicianToken;

  @BeforeAll
  void startBothServersAndGetTokens() throws Exception {
    stack = new SmartStack(dataDir);
    base = stack.base();
    otherBase = stack.fhirOrigin() + "/other-fhir";
    stack.start(List.of(otherBase),
        "--careconnect.fhir.default-page-size=2",
        "--careconnect.fhir.security.clock-skew=PT1S");
    auth = stack.auth();
    patientToken = accessToken("patient1", PATIENT_PASSWORD, "sample-app", null,
        "openid fhirUser launch/patient patient/*.read", base);
    clinicianToken = accessToken("clinician", CLINICIAN_PASSWORD, "sample-app", null,
        "openid fhirUser user/*.rs", base);
  }

  @AfterAll
  void stopBothServers() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  /** The authorisation server signs access tokens ES256 (docs/decisions/0018); this server takes them. */
  @Test
  void accessTokensWhenIssuedByTheRealServerThenEs256AndAccepted() throws Exception {
    for (String token : List.of(patientToken, clinicianToken)) {
      assertThat(com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
    }
    assertThat(get("/Patient/" + THEIRS, clinicianToken).statusCode()).isEqualTo(200);
  }

  // --- a patient/*.read token of patient A and patient B's data --------------------------------

  @Test
  void readWhenPatientTokenThenOwnRecord200AndAnotherPatients403() throws Exception {
    HttpResponse<String> own = get("/Patient/" + MINE, patientToken);
    HttpResponse<String> theirs = get("/Patient/" + THEIRS, patientToken);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("\"id\":\"" + MINE + "\"");
    assertForbidden(theirs, THEIRS);
  }

  @Test
  void searchWhenPatientTokenAsksForAnotherPatientThenNoneOfTheirs() throws Exception {
    HttpResponse<String> own = get("/Observation?_count=100", patientToken);
    HttpResponse<String> theirs = get("/Observation?patient=" + THEIRS + "&_count=100", patientToken);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(subjects(own)).isNotEmpty().containsOnly("Patient/" + MINE);
    assertForbidden(theirs, THEIRS);
  }

  @Test
  void includeWhenPatientTokenThenNoResourceOfAnotherPatient() throws Exception {
    String theirObservation = firstObservationOf(THEIRS);

    HttpResponse<String> include = get("/Observation?_id=" + theirObservation + "&_include=Observation:subject", patientToken);
    HttpResponse<String> ownInclude = get("/Observation?_include=Observation:subject&_count=100", patientToken);

    assertEmptySearchset(include);
    assertThat(ownInclude.statusCode()).isEqualTo(200);
    assertThat(ownInclude.body()).contains("\"id\":\"" + MINE + "\"").doesNotContain(THEIRS);
  }

  @Test
  void revincludeWhenPatientTokenAsksForAnotherPatientThenNoneOfTheirs() throws Exception {
    HttpResponse<String> revinclude = get("/Patient?_id=" + THEIRS + "&_revinclude=Observation:subject", patientToken);

    assertForbidden(revinclude, THEIRS);
  }

  @Test
  void historyWhenPatientTokenThenOwn200AndAnotherPatients403() throws Exception {
    HttpResponse<String> own = get("/Patient/" + MINE + "/_history", patientToken);
    HttpResponse<String> theirs = get("/Patient/" + THEIRS + "/_history", patientToken);
    HttpResponse<String> theirObservation = get("/Observation/" + firstObservationOf(THEIRS) + "/_history", patientToken);

    assertThat(own.statusCode()).isEqualTo(200);
    assertForbidden(theirs, THEIRS);
    assertForbidden(theirObservation, THEIRS);
  }

  @Test
  void transactionWhenPatientTokenReadsAnotherPatientThen403() throws Exception {
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient/" + THEIRS);

    HttpResponse<String> response = post("", fhir.newJsonParser().encodeResourceToString(transaction), patientToken);

    assertForbidden(response, THEIRS);
  }

  @Test
  void pageLinkWhenUsedWithAnotherPatientsTokenThen410() throws Exception {
    HttpResponse<String> first = get("/Observation?patient=" + THEIRS, clinicianToken);
    String next = fhir.newJsonParser().parseResource(Bundle.class, first.body()).getLink("next").getUrl();

    HttpResponse<String> own = get(next, clinicianToken);
    HttpResponse<String> stolen = get(next, patientToken);

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(stolen.statusCode()).isEqualTo(410);
    assertThat(stolen.body()).contains("\"resourceType\":\"OperationOutcome\"").doesNotContain("Patient/" + THEIRS);
  }

  // --- granular scope ---------------------------------------------------------------------------

  @Test
  void searchWhenVitalSignsTokenThenNoLaboratoryObservation() throws Exception {
    HttpResponse<String> all = get("/Observation?patient=" + MINE + "&_count=100", clinicianToken);
    assertThat(all.body()).as("demo-pat-1 has laboratory results to hide").contains("\"code\":\"laboratory\"");
    String vitalToken = accessToken("patient1", PATIENT_PASSWORD, "sample-app", null,
        "launch/patient patient/Observation.rs?category=" + VITAL_SIGNS, base);
    assertThat(com.nimbusds.jwt.SignedJWT.parse(vitalToken).getJWTClaimsSet().getStringClaim("scope")).contains("patient/Observation.rs?category=" + VITAL_SIGNS);

    HttpResponse<String> search = get("/Observation?_count=100", vitalToken);
    HttpResponse<String> askedForLab = get(
        "/Observation?category=http://hl7.org/fhir/observation-category%7Claboratory&_count=100", vitalToken);

    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains("\"code\":\"vital-signs\"").doesNotContain("\"code\":\"laboratory\"");
    assertThat(askedForLab.body()).doesNotContain("\"code\":\"laboratory\"");
  }

  // --- writes -----------------------------------------------------------------------------------

  @Test
  void writeWhenReadOnlyTokenThen403AlsoInsideATransaction() throws Exception {
    Observation observation = fhir.newJsonParser().parseResource(Observation.class,
        get("/Observation/" + firstObservationOf(MINE), patientToken).body());
    observation.setId((String) null);
    String json = fhir.newJsonParser().encodeResourceToString(observation);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction.addEntry().setFullUrl("urn:uuid:0d9f5b7e-6f44-4b9e-9d0a-6d8f3c1f2a10").setResource(observation)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

    HttpResponse<String> create = post("/Observation", json, patientToken);
    HttpResponse<String> inTransaction = post("", fhir.newJsonParser().encodeResourceToString(transaction), patientToken);

    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(create.body()).contains("no granted scope allows create of Observation");
    assertThat(inTransaction.statusCode()).isEqualTo(403);
    assertThat(inTransaction.body()).contains("no granted scope allows create of Observation");
  }

  // --- a clinician --------------------------------------------------------------------------------

  @Test
  void readWhenClinicianUserTokenThenAnyPatient() throws Exception {
    for (String patient : List.of(MINE, THEIRS, "demo-pat-3")) {
      HttpResponse<String> read = get("/Patient/" + patient, clinicianToken);
      assertThat(read.statusCode()).as(patient).isEqualTo(200);
      assertThat(read.body()).contains("\"id\":\"" + patient + "\"");
    }
    assertThat(subjects(get("/Observation?patient=" + THEIRS + "&_count=100", clinicianToken)))
        .isNotEmpty().containsOnly("Patient/" + THEIRS);
  }

  // --- tokens the FHIR server refuses -----------------------------------------------------------

  @Test
  void requestWhenTokenIssuedForAnotherAudienceThen401InvalidToken() throws Exception {
    String elsewhere = accessToken("patient1", PATIENT_PASSWORD, "sample-app", null,
        "launch/patient patient/*.read", otherBase);

    assertInvalidToken(get("/Patient/" + MINE, elsewhere), "aud claim rejected");
  }

  @Test
  void requestWhenTokenOfTheServerHasExpiredThen401InvalidToken() throws Exception {
    shortenAccessTokenLifetime("confidential-app", Duration.ofSeconds(2));
    Map<String, Object> response = new AuthorizationCodeFlow(auth.issuer()).token("patient1", PATIENT_PASSWORD,
        "confidential-app", "confidential-demo-secret", "launch/patient patient/*.read", base);
    String expiring = (String) response.get("access_token");
    com.nimbusds.jwt.JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(expiring).getJWTClaimsSet();
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofSeconds(2));
    // Bounded wait until the token has expired (plus the FHIR server's 1 s clock skew and a
    // margin): a wait, not a timing assertion.
    Instant expired = claims.getExpirationTime().toInstant().plusSeconds(3);
    while (Instant.now().isBefore(expired)) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }

    assertInvalidToken(get("/Patient/" + MINE, expiring), "Expired JWT");
  }

  // --- CORS ----------------------------------------------------------------------------------

  @Test
  void preflightWhenNoTokenThenAnsweredForTheAllowedOrigin() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/Patient/" + MINE))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization")
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
        .contains("authorization");
  }

  @Test
  void refusalWhen401Or403ThenCorsHeadersForTheAllowedOrigin() throws Exception {
    HttpResponse<String> unauthorised = get("/Patient/" + MINE, null, "Origin", ORIGIN);
    HttpResponse<String> forbidden = get("/Patient/" + THEIRS, patientToken, "Origin", ORIGIN);

    assertThat(unauthorised.statusCode()).isEqualTo(401);
    assertThat(unauthorised.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private String accessToken(String user, String password, String client, String secret, String scope, String aud) {
    Map<String, Object> response = new AuthorizationCodeFlow(auth.issuer()).token(user, password, client, secret, scope, aud);
    if (scope.contains("launch/patient") && user.startsWith("patient")) {
      assertThat(response).containsEntry("patient", "demo-pat-" + user.substring("patient".length()));
    }
    return (String) response.get("access_token");
  }

  /**
   * The authorisation server keeps each client's token settings in its database (Spring's JDBC
   * client repository, read on every request): a shorter access-token lifetime for one client,
   * through the server's own database (H2 auto-server), so the other tokens stay valid.
   */
  private void shortenAccessTokenLifetime(String clientId, Duration lifetime) throws Exception {
    try (Connection db = DriverManager.getConnection(auth.jdbcUrl(), "sa", "")) {
      String settings;
      try (PreparedStatement read = db.prepareStatement(
          "select token_settings from oauth2_registered_client where client_id = ?")) {
        read.setString(1, clientId);
        try (ResultSet row = read.executeQuery()) {
          assertThat(row.next()).isTrue();
          settings = row.getString(1);
        }
      }
      String shortened = settings.replaceAll(
          "(\"settings\\.token\\.access-token-time-to-live\":\\[\"java\\.time\\.Duration\",)[0-9.]+",
          "$1" + lifetime.toSeconds() + ".000000000");
      assertThat(shortened).as(settings).isNotEqualTo(settings);
      try (PreparedStatement write = db.prepareStatement(
          "update oauth2_registered_client set token_settings = ? where client_id = ?")) {
        write.setString(1, shortened);
        write.setString(2, clientId);
        assertThat(write.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private String firstObservationOf(String patient) throws Exception {
    HttpResponse<String> search = get("/Observation?patient=" + patient, clinicianToken);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, search.body());
    assertThat(bundle.getEntry()).as("%s has observations", patient).isNotEmpty();
    return bundle.getEntryFirstRep().getResource().getIdElement().getIdPart();
  }

  private List<String> subjects(HttpResponse<String> searchset) {
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, searchset.body());
    return bundle.getEntry().stream()
        .map(e -> ((Observation) e.getResource()).getSubject().getReference())
        .toList();
  }

  /** 403 with an OperationOutcome and the SMART challenge, and nothing of the other patient. */
  private static void assertForbidden(HttpResponse<String> response, String patient) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"insufficient_scope\"");
    assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"")
        .doesNotContain("\"id\":\"" + patient + "\"");
  }

  /** 200 and a searchset with nothing in it (narrowed to the token's compartment). */
  private void assertEmptySearchset(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(bundle.getTotal()).isZero();
    assertThat(bundle.getEntry()).isEmpty();
  }

  private static void assertInvalidToken(HttpResponse<String> response, String described) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer ").contains("error=\"invalid_token\"").contains(described);
    assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"").contains(described);
  }

  private HttpResponse<String> get(String path, String token, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "application/fhir+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/fhir+json")
        .header("Accept", "application/fhir+json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
