package org.careconnect.smart.e2e.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * The four real services (exec jars) as processes on free loopback ports, configured to know each
 * other as an operator would (command-line properties), demo profile, a small population and a
 * fresh temporary data folder. One stack per test JVM: {@link #get()} starts it on first use; it
 * stops when the JVM ends. Logs: {@code target/stack-logs/}.
 */
public final class Stack {

  /** Access tokens live this long here, so the expiry journey needs no second stack. */
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(30);
  /** What the sample app asks for: one scope per resource type, so consent can clear one. */
  public static final List<String> APP_RESOURCE_SCOPES = List.of(
      "patient/Patient.rs", "patient/Observation.rs", "patient/Condition.rs", "patient/MedicationRequest.rs",
      "patient/MedicationStatement.rs", "patient/Medication.rs", "patient/AllergyIntolerance.rs");
  static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private static Stack stack;
  private static RuntimeException failure;

  public final Service fhir;
  public final Service auth;
  public final Service launcher;
  public final Service app;
  public final Duration startTime;
  private final Path data;

  /** The shared stack, started on first use (a failed start fails every later caller the same way). */
  public static synchronized Stack get() {
    if (failure != null) {
      throw failure;
    }
    if (stack == null) {
      try {
        stack = new Stack();
      } catch (Exception e) {
        failure = new IllegalStateException("The stack did not start: " + e.getMessage(), e);
        throw failure;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
    }
    return stack;
  }

  private Stack() throws IOException, InterruptedException {
    Instant started = Instant.now();
    Path logs = Files.createDirectories(target().resolve("stack-logs"));
    data = Files.createTempDirectory("careconnect-e2e-");
    int fhirPort = freePort();
    int authPort = freePort();
    int launcherPort = freePort();
    int appPort = freePort();
    String fhirBase = "http://localhost:" + fhirPort + "/fhir/STU3";
    String authBase = "http://localhost:" + authPort;
    String launcherOrigin = "http://localhost:" + launcherPort;
    String appOrigin = "http://localhost:" + appPort;
    String appScopes = String.join(" ", APP_RESOURCE_SCOPES);

    List<Service> started4 = new ArrayList<>();
    try {
      fhir = Service.start("fhir-server", "fhir.server.jar", fhirPort, "-Xmx512m", List.of(
          "--spring.profiles.active=demo",
          "--spring.datasource.url=jdbc:h2:file:" + data.resolve("fhir/fhir") + ";MODE=MySQL;WRITE_DELAY=0",
          "--careconnect.demo.patients=5",
          "--careconnect.fhir.public-base-url=" + fhirBase,
          "--careconnect.fhir.security.issuer=" + authBase,
          "--careconnect.fhir.security.jwks-uri=" + authBase + "/oauth2/jwks",
          "--careconnect.fhir.security.smart-configuration-uri=" + authBase + "/.well-known/smart-configuration",
          "--careconnect.fhir.security.audience=" + fhirBase,
          "--careconnect.fhir.security.allowed-origins=" + appOrigin + "," + launcherOrigin,
          // the expiry journey must see an expired token refused, not accepted for another minute
          "--careconnect.fhir.security.clock-skew=PT5S"), logs.resolve("fhir-server.log"));
      started4.add(fhir);
      auth = Service.start("auth-server", "auth.server.jar", authPort, "-Xmx320m", List.of(
          "--spring.profiles.active=demo",
          "--spring.datasource.url=jdbc:h2:file:" + data.resolve("auth/auth") + ";MODE=MySQL;WRITE_DELAY=0",
          "--careconnect.auth.issuer=" + authBase,
          "--careconnect.auth.fhir-base-urls=" + fhirBase,
          "--careconnect.auth.allowed-origins=" + appOrigin + "," + launcherOrigin,
          "--careconnect.auth.launcher-origin=" + launcherOrigin,
          "--careconnect.auth.picker.fhir-base-url=" + fhirBase,
          "--careconnect.auth.picker.timeout=PT20S",
          "--careconnect.auth.tokens.access-token-lifetime=" + ACCESS_TOKEN_LIFETIME,
          "--careconnect.auth.demo.sample-app-redirect-uri=" + appOrigin + "/index.html"),
          logs.resolve("auth-server.log"));
      started4.add(auth);
      launcher = Service.start("smart-launcher", "smart.launcher.jar", launcherPort, "-Xmx160m", List.of(
          "--careconnect.launcher.auth-base=" + authBase,
          "--careconnect.launcher.fhir-base=" + fhirBase,
          "--careconnect.launcher.timeout=PT20S",
          // a list from a command line replaces the whole list: every field of the one app
          "--careconnect.launcher.apps[0].id=sample-app",
          "--careconnect.launcher.apps[0].name=CareConnect sample app",
          "--careconnect.launcher.apps[0].client-id=sample-app",
          "--careconnect.launcher.apps[0].launch-url=" + appOrigin + "/launch.html"),
          logs.resolve("smart-launcher.log"));
      started4.add(launcher);
      app = Service.start("sample-app", "sample.app.jar", appPort, "-Xmx128m", List.of(
          "--careconnect.sample-app.fhir-base-url=" + fhirBase,
          "--careconnect.sample-app.auth-origins=" + authBase,
          "--careconnect.sample-app.frame-ancestors=" + launcherOrigin,
          "--careconnect.sample-app.scope=openid fhirUser launch launch/patient offline_access " + appScopes,
          "--careconnect.sample-app.standalone-scope=openid fhirUser launch/patient offline_access " + appScopes),
          logs.resolve("sample-app.log"));
      started4.add(app);
      Instant deadline = started.plus(START_TIMEOUT);
      for (Service service : started4) {
        service.awaitReady(deadline);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      started4.forEach(s -> s.stop(Duration.ofSeconds(5)));
      throw e;
    }
    startTime = Duration.between(started, Instant.now());
    System.out.println("Stack ready in " + startTime.toSeconds() + " s: launcher " + launcher.origin()
        + ", app " + app.origin() + ", FHIR " + fhirBase + ", auth " + authBase);
  }

  public String fhirBase() {
    return fhir.origin() + "/fhir/STU3";
  }

  /** The sample app's standalone launch page for this stack's FHIR server. */
  public String standaloneLaunch() {
    return app.origin() + "/launch.html?iss=" + fhirBase();
  }

  private void stop() {
    // all at once (the forked test JVM is given about 30 s to end), each bounded
    List<Service> all = List.of(app, launcher, auth, fhir);
    all.forEach(Service::requestStop);
    all.forEach(service -> service.stop(Duration.ofSeconds(15)));
    try {
      FileSystemUtils.deleteRecursively(data);
    } catch (IOException ignored) {
      // a temporary folder: the OS cleans it eventually
    }
  }

  static Path target() {
    return Path.of(System.getProperty("e2e.target", "target"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
