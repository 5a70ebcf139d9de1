package org.careconnect.smart.auth.support;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careconnect.smart.auth.client.SmartClients;
import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Builds test clients and users with unique names, through the server's own beans. */
@TestComponent
public class Fixtures {

  public static final String FHIR_BASE = "http://localhost:8080/fhir/STU3";
  public static final String PASSWORD = "correct horse battery staple";
  public static final String REDIRECT = "https://app.example/callback";
  public static final List<String> APP_SCOPES =
      List.of(
          "openid", "fhirUser", "profile", "launch/patient", "offline_access", "online_access",
          "patient/*.rs", "patient/*.read", "user/*.rs");

  private final SmartClients clients;
  private final RegisteredClientRepository repository;
  private final UserAccounts users;
  private final PasswordEncoder encoder;

  Fixtures(
      SmartClients clients,
      RegisteredClientRepository repository,
      UserAccounts users,
      PasswordEncoder encoder) {
    this.clients = clients;
    this.repository = repository;
    this.users = users;
    this.encoder = encoder;
  }

  public RegisteredClient publicClient(List<String> redirectUris, List<String> scopes) {
    RegisteredClient client =
        clients.publicApp("public-" + UUID.randomUUID(), "Test public app", redirectUris, scopes);
    repository.save(client);
    return client;
  }

  public RegisteredClient publicClient() {
    return publicClient(List.of(REDIRECT), APP_SCOPES);
  }

  public RegisteredClient confidentialClient(String secret) {
    RegisteredClient client =
        clients.confidentialApp(
            "confidential-" + UUID.randomUUID(),
            "Test confidential app",
            encoder.encode(secret),
            List.of(REDIRECT),
            APP_SCOPES);
    repository.save(client);
    return client;
  }

  /** A patient user linked to Patient/{patientId}; returns the username. */
  public String patient(String patientId) {
    String username = "patient-" + UUID.randomUUID();
    users.createIfAbsent(
        username, encoder.encode(PASSWORD), UserAccounts.Kind.PATIENT, "Patient/" + patientId, "P");
    return username;
  }

  public String clinician(String practitionerId) {
    String username = "clinician-" + UUID.randomUUID();
    users.createIfAbsent(
        username,
        encoder.encode(PASSWORD),
        UserAccounts.Kind.CLINICIAN,
        "Practitioner/" + practitionerId,
        "C");
    return username;
  }

  public static Set<String> scopes(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }
}
