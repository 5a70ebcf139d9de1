package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.careconnect.smart.fhir.support.AuthServerProcess;
import org.careconnect.smart.fhir.support.AuthorizationCodeFlow;
import org.careconnect.smart.fhir.support.SmartStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC 8252 flow end to end: the packaged client against the packaged auth-server (demo
 * profile: user patient1 = Patient/demo-pat-1, public client native-app with redirect
 * http://127.0.0.1/callback) and fhir-server (demo profile, three patients), all three as
 * processes on loopback ports; the "system browser" is {@link PatientInBrowser}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeClientIT {

  private static final String PATIENT_PASSWORD = "patient-demo-password";
  private static final Duration STEP = Duration.ofMinutes(2); // the machine may be loaded

  @TempDir static Path dataDir;

  private SmartStack stack;
  private AuthServerProcess auth;
  private String base;

  @BeforeAll
  void startBothServers() throws Exception {
    stack = new SmartStack(dataDir).start(List.of());
    auth = stack.auth();
    base = stack.base();
  }

  @AfterAll
  void stopBothServers() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void nameAndNhsNumberPrintedWhenPatientSignsInAndApproves() throws Exception {
    try (ClientProcess client = ClientProcess.start(dataDir, "--fhir-base", base, "--no-browser", "--timeout", "300")) {
      String authorizeUrl = client.awaitLine("Sign in at: ", STEP);
      assertThat(authorizeUrl)
          .startsWith(auth.issuer() + "/oauth2/authorize?response_type=code&client_id=native-app&redirect_uri=")
          .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A", "code_challenge_method=S256",
              "aud=" + Http.encode(base), "scope=openid+fhirUser+launch%2Fpatient+patient%2F*.rs+offline_access");

      HttpResponse<String> page = new PatientInBrowser(auth.issuer()).signIn(authorizeUrl, "patient1", PATIENT_PASSWORD,
          List.of("openid", "fhirUser", "launch/patient", "patient/*.rs", "offline_access"));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("You can close this window");

      assertThat(client.awaitExit(STEP)).as(client.output() + client.errors()).isZero();
      PatientSummary expected = patientAsTheServerHasIt("demo-pat-1");
      assertThat(expected.nhsNumber()).matches("\\d{10}");
      assertThat(client.output())
          .contains("Patient: Patient/demo-pat-1")
          .contains("Name: " + expected.name())
          .contains("NHS number: " + expected.nhsNumber())
          .contains("Refresh token: received (not shown)")
          .containsPattern("Access token: [^ ]{12}…\\(\\d+ chars\\)");
      assertThat(client.errors()).isEmpty();
    }
  }

  @Test
  void nonZeroExitAndAccessDeniedMessageWhenConsentDenied() throws Exception {
    try (ClientProcess client = ClientProcess.start(dataDir, "--fhir-base", base, "--no-browser", "--timeout", "300")) {
      String authorizeUrl = client.awaitLine("Sign in at: ", STEP);

      HttpResponse<String> page =
          new PatientInBrowser(auth.issuer()).signIn(authorizeUrl, "patient1", PATIENT_PASSWORD, List.of());
      assertThat(page.statusCode()).isEqualTo(400);
      assertThat(page.body()).contains("Access denied");

      assertThat(client.awaitExit(STEP)).isEqualTo(1);
      assertThat(client.errors()).isEqualTo(
          "error: Access denied: the authorisation was refused or consent was not given (error=access_denied).\n");
      assertThat(client.output()).doesNotContain("Access token:");
    }
  }

  @Test
  void nonZeroExitNamingTheOptionWhenTheBrowserNeverComes() throws Exception {
    try (ClientProcess client = ClientProcess.start(dataDir, "--fhir-base", base, "--no-browser", "--timeout", "2")) {
      assertThat(client.awaitExit(STEP)).isEqualTo(1);
      assertThat(client.errors()).isEqualTo(
          "error: No answer from the browser within 2 s (--timeout): the sign-in was not finished.\n");
    }
  }

  /** The same patient read independently, with a token of the sample-app, to compare with. */
  private PatientSummary patientAsTheServerHasIt(String id) throws Exception {
    Map<String, Object> token = new AuthorizationCodeFlow(auth.issuer()).token("patient1", PATIENT_PASSWORD,
        "sample-app", null, "openid launch/patient patient/Patient.rs", base);
    TokenResponse response = new TokenResponse((String) token.get("access_token"), id, "", 0, false);
    return PatientReader.read(new Http(CaTrust.of(null)), base, response);
  }
}
