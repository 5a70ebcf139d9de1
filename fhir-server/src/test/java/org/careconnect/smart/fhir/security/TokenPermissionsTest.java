package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.careconnect.smart.fhir.support.Fixture;
import org.careconnect.smart.fhir.support.SecuredFhirServerTest;
import org.careconnect.smart.fhir.support.Variant;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A token's permissions are worked out once and kept with it for its later requests
 * ({@link VerifiedTokens}): each token keeps its own, whatever other tokens come between,
 * an expired token is refused although its permissions are kept, and the shortcut for types read
 * without confinement never lets through what HAPI's rules refuse. No clock skew here, so that a
 * token can expire within the test.
 */
@TestPropertySource(properties = "careconnect.fhir.security.clock-skew=PT0S")
class TokenPermissionsTest extends SecuredFhirServerTest {

  final FhirContext fhir = FhirContext.forDstu3Cached();
  final Variant mine = Variant.a();
  final Variant theirs = Variant.b();

  @BeforeAll
  void storeTwoPatientsRecords() {
    String admin = tokens.sign(TestTokens.claims("system/*.*").build());
    for (Variant v : new Variant[] {mine, theirs}) {
      for (Fixture fixture : Fixture.all()) {
        Resource resource = fixture.build(v);
        HttpResponse<String> stored = send("PUT", resource.fhirType() + "/" + resource.getIdElement().getIdPart(),
            admin, fhir.newJsonParser().encodeResourceToString(resource));
        assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201);
      }
    }
  }

  @Test
  void tokensWhenUsedInTurnThenEachKeepsItsOwnPermissions() {
    String everyone = tokens.sign(TestTokens.claims("system/*.rs").build());
    String minePatient = tokens.patientToken(mine.id("patient"), "patient/*.rs");
    String theirPatient = tokens.patientToken(theirs.id("patient"), "patient/*.rs");

    for (int round = 0; round < 2; round++) {
      assertThat(get("/Patient/" + theirs.id("patient"), everyone).statusCode()).isEqualTo(200);
      assertThat(get("/Patient/" + mine.id("patient"), minePatient).statusCode()).isEqualTo(200);
      assertForbidden(get("/Patient/" + theirs.id("patient"), minePatient),
          "Access denied: no granted scope allows this request");
      assertThat(get("/Patient/" + theirs.id("patient"), theirPatient).statusCode()).isEqualTo(200);
      assertForbidden(get("/Patient/" + mine.id("patient"), theirPatient),
          "Access denied: no granted scope allows this request");

      assertThat(get("/Observation?patient=" + mine.id("patient"), everyone).body()).contains(mine.id("observation"));
      assertThat(get("/Observation?patient=" + theirs.id("patient"), everyone).body()).contains(theirs.id("observation"));
      assertThat(get("/Observation?_count=100", minePatient).body())
          .contains(mine.id("observation")).doesNotContain(theirs.id("observation"));
      assertThat(get("/Observation?_count=100", theirPatient).body())
          .contains(theirs.id("observation")).doesNotContain(mine.id("observation"));
    }
  }

  /**
   * The shortcut for resources in the token's compartment (ReadRuleShortcut) answers for the
   * token's own patient only: another patient's resource, reached by paths no search narrowing
   * touches (a read, a version read, a history), is refused with HAPI's 403, whichever patient's
   * token came before.
   */
  @Test
  void compartmentShortcutWhenTwoPatientsTokensInTurnThenEachReadsOnlyItsOwn() {
    String minePatient = tokens.patientToken(mine.id("patient"), "patient/*.rs");
    String theirPatient = tokens.patientToken(theirs.id("patient"), "patient/*.rs");
    String denied = "Access denied: no granted scope allows this request";

    for (int round = 0; round < 2; round++) {
      for (String[] own : new String[][] {{minePatient, mine.id("observation"), theirs.id("observation")},
          {theirPatient, theirs.id("observation"), mine.id("observation")}}) {
        String token = own[0];
        assertThat(get("/Observation/" + own[1], token).statusCode()).isEqualTo(200);
        assertThat(get("/Observation/" + own[1] + "/_history", token).body()).contains(own[1]);
        assertThat(get("/Observation?_count=100", token).body()).contains(own[1]).doesNotContain(own[2]);
        for (String path : new String[] {"/Observation/" + own[2], "/Observation/" + own[2] + "/_history/1",
            "/Observation/" + own[2] + "/_history", "/Observation/_history"}) {
          HttpResponse<String> refused = get(path, token);
          assertForbidden(refused, denied);
          assertThat(refused.body()).as(path).doesNotContain(own[2]);
        }
      }
    }
  }

  @Test
  void tokensWhenSameClaimsButOtherScopesThenEachKeepsItsOwnScopes() {
    String observationsOnly = tokens.patientToken(mine.id("patient"), "patient/Observation.rs");
    String everything = tokens.patientToken(mine.id("patient"), "patient/*.rs");

    for (int round = 0; round < 2; round++) {
      assertForbidden(get("/Patient/" + mine.id("patient"), observationsOnly),
          "Access denied: no granted scope allows read of Patient");
      assertThat(get("/Patient/" + mine.id("patient"), everything).statusCode()).isEqualTo(200);
      assertThat(get("/Observation/" + mine.id("observation"), observationsOnly).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void searchWhenUnconfinedTokenIncludesATypeItCannotReadThen403() {
    String observations = tokens.sign(TestTokens.claims("system/Observation.rs").build());
    String search = "/Observation?patient=" + mine.id("patient") + "&_count=100";

    HttpResponse<String> plain = get(search, observations);
    HttpResponse<String> including = get(search + "&_include=Observation:subject", observations);

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).contains(mine.id("observation"));
    assertForbidden(including, "Access denied: no granted scope allows search of Patient");
    assertThat(including.body()).doesNotContain(mine.id("observation"));
    assertForbidden(get("/Patient/" + mine.id("patient"), observations),
        "Access denied: no granted scope allows read of Patient");
  }

  @Test
  void tokenWhenExpiredAfterItsPermissionsWereKeptThen401() {
    Instant now = Instant.now();
    String shortLived = tokens.sign(TestTokens.claims("system/*.rs")
        .expirationTime(Date.from(now.plusSeconds(3))).build());
    String path = "/Patient/" + mine.id("patient");
    assertThat(get(path, shortLived).statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> get(path, shortLived).statusCode() == 401);

    HttpResponse<String> refused = get(path, shortLived);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"careconnect-fhir\", error=\"invalid_token\"").contains("Expired JWT");
    assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"").doesNotContain(mine.nhsNumber());
  }

  /** 403, the SMART challenge and an OperationOutcome with exactly this diagnostic. */
  private void assertForbidden(HttpResponse<String> response, String diagnostics) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");
    OperationOutcome outcome = (OperationOutcome) fhir.newJsonParser().parseResource(response.body());
    assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
        .containsExactly(diagnostics);
  }

  private HttpResponse<String> get(String path, String token) {
    return send("GET", path.substring(1), token, null);
  }
}
