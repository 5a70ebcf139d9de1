package org.careconnect.smart.auth.demo;

import java.util.List;
import org.careconnect.smart.auth.client.SmartClients;
import org.careconnect.smart.auth.user.UserAccounts;
import org.careconnect.smart.auth.user.UserAccounts.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Demo users and clients, created on start-up in the demo profile only, and only when absent
 * (idempotent; a changed demo password does not overwrite a stored one). The FHIR ids are those
 * the fhir-server demo generator makes: demo-pat-N, and demo-prac-1-1, the first GP of the first
 * practice.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

  static final String CLINICIAN_FHIR_USER = "Practitioner/demo-prac-1-1";
  /** Default of {@code careconnect.auth.demo.sample-app-redirect-uri}. */
  static final String SAMPLE_APP_REDIRECT = "http://localhost:9200/index.html";
  /**
   * The native-client module's redirect: a loopback IP literal without a port, which the
   * authorize endpoint matches on any port (RFC 8252 §7.3: the app listens on an ephemeral port).
   */
  static final String NATIVE_APP_REDIRECT = "http://127.0.0.1/callback";
  static final List<String> APP_SCOPES =
      List.of(
          "openid", "fhirUser", "profile", "launch", "launch/patient", "launch/encounter",
          "offline_access", "online_access",
          "patient/*.read", "patient/*.rs", "user/*.read", "user/*.rs");
  /**
   * The one demo client allowed the FHIR server's audit trail. Its own client, not a scope added
   * to the app clients: an app a clinician or patient uses never holds careconnect/audit among
   * its allowed scopes, and the audit scope is granted only when an ADMIN user signs in
   * (authorize/AdminOnlyScopes), so for anyone else this client gets openid and fhirUser only.
   */
  static final String AUDIT_VIEWER = "audit-viewer";
  static final List<String> AUDIT_VIEWER_SCOPES = List.of("openid", "fhirUser", "profile", "careconnect/audit");
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final UserAccounts users;
  private final RegisteredClientRepository clients;
  private final SmartClients smartClients;
  private final PasswordEncoder encoder;
  private final String clinicianPassword;
  private final String patientPassword;
  private final String confidentialSecret;
  private final String auditViewerSecret;
  private final String sampleAppRedirect;

  DemoData(
      UserAccounts users,
      RegisteredClientRepository clients,
      SmartClients smartClients,
      PasswordEncoder encoder,
      @Value("${careconnect.auth.demo.clinician-password}") String clinicianPassword,
      @Value("${careconnect.auth.demo.patient-password}") String patientPassword,
      @Value("${careconnect.auth.demo.confidential-client-secret}") String confidentialSecret,
      @Value("${careconnect.auth.demo.audit-viewer-client-secret}") String auditViewerSecret,
      @Value("${careconnect.auth.demo.sample-app-redirect-uri:" + SAMPLE_APP_REDIRECT + "}")
          String sampleAppRedirect) {
    this.users = users;
    this.clients = clients;
    this.smartClients = smartClients;
    this.encoder = encoder;
    this.clinicianPassword = clinicianPassword;
    this.patientPassword = patientPassword;
    this.confidentialSecret = confidentialSecret;
    this.auditViewerSecret = auditViewerSecret;
    this.sampleAppRedirect = sampleAppRedirect;
  }

  @Override
  public void run(ApplicationArguments args) {
    user("clinician", clinicianPassword, Kind.CLINICIAN, CLINICIAN_FHIR_USER, "Dr Demo Clinician");
    user("patient1", patientPassword, Kind.PATIENT, "Patient/demo-pat-1", "Demo Patient One");
    user("patient2", patientPassword, Kind.PATIENT, "Patient/demo-pat-2", "Demo Patient Two");
    client(
        smartClients.publicApp(
            "sample-app", "CareConnect sample app", List.of(sampleAppRedirect), APP_SCOPES));
    client(
        smartClients.confidentialApp(
            "confidential-app",
            "CareConnect confidential demo app",
            encoder.encode(confidentialSecret),
            List.of(sampleAppRedirect),
            APP_SCOPES));
    // Confidential: the audit trail says who read whose record, so its client keeps a secret.
    client(
        smartClients.confidentialApp(
            AUDIT_VIEWER,
            "CareConnect audit viewer (demo)",
            encoder.encode(auditViewerSecret),
            List.of(sampleAppRedirect),
            AUDIT_VIEWER_SCOPES));
    // A native app holds no secret (RFC 8252 §8.4): public, so PKCE S256 is required.
    client(
        smartClients.publicApp(
            "native-app",
            "CareConnect native client (demo)",
            List.of(NATIVE_APP_REDIRECT),
            APP_SCOPES));
    // Backend-services demo client (client_credentials + private_key_jwt, system/ scopes, its
    // key file in the README): added with backend services in the next issue.
  }

  private void user(String username, String password, Kind kind, String fhirUser, String name) {
    if (users.createIfAbsent(username, encoder.encode(password), kind, fhirUser, name)) {
      log.info("Demo user {} ({}) created", username, fhirUser);
    }
  }

  private void client(RegisteredClient client) {
    if (clients.findByClientId(client.getClientId()) == null) {
      clients.save(client);
      log.info("Demo client {} created", client.getClientId());
    }
  }
}
