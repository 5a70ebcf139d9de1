package org.careconnect.smart.fhir.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real authorisation server (demo profile) and a secured FHIR server (demo profile, three
 * patients) trusting its issuer, JWKS and SMART configuration, both as processes on loopback
 * ports chosen beforehand, so each knows the other's URL: the FHIR base is an allowed {@code aud}
 * and the FHIR server's audience. For the *IT tests that need tokens the real server issued.
 */
public final class SmartStack implements AutoCloseable {

  private final Path dataDir;
  private final int authPort;
  private final int fhirPort;
  private AuthServerProcess auth;
  private FhirServerProcess fhir;

  public SmartStack(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.authPort = JarProcess.freePort();
    this.fhirPort = JarProcess.freePort();
  }

  /** The FHIR base, known before the start. */
  public String base() {
    return origin(fhirPort) + "/fhir/STU3";
  }

  public String fhirOrigin() {
    return origin(fhirPort);
  }

  /**
   * Starts both (stopping both if either fails). {@code otherAudiences}: more FHIR bases the
   * authorisation server accepts as {@code aud}; {@code fhirArgs}: more FHIR server settings.
   */
  public SmartStack start(List<String> otherAudiences, String... fhirArgs) throws IOException, InterruptedException {
    return start(otherAudiences, List.of(), fhirArgs);
  }

  /** As {@link #start(List, String...)}, with more authorisation server settings. */
  public SmartStack start(List<String> otherAudiences, List<String> authArgs, String... fhirArgs)
      throws IOException, InterruptedException {
    List<String> audiences = new ArrayList<>(List.of(base()));
    audiences.addAll(otherAudiences);
    String issuer = origin(authPort);
    List<String> authSettings = new ArrayList<>(List.of(
        "--careconnect.auth.fhir-base-urls=" + String.join(",", audiences),
        "--careconnect.auth.picker.fhir-base-url=" + base()));
    authSettings.addAll(authArgs);
    auth = new AuthServerProcess(Files.createDirectories(dataDir.resolve("auth")), authPort,
        authSettings.toArray(String[]::new));
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--careconnect.demo.patients=3",
        "--careconnect.fhir.security.issuer=" + issuer,
        "--careconnect.fhir.security.jwks-uri=" + issuer + "/oauth2/jwks",
        "--careconnect.fhir.security.smart-configuration-uri=" + issuer + "/.well-known/smart-configuration",
        "--careconnect.fhir.security.audience=" + base()));
    args.addAll(List.of(fhirArgs));
    fhir = FhirServerProcess.secured(Files.createDirectories(dataDir.resolve("fhir")), fhirPort, args.toArray(String[]::new));
    try {
      auth.start();
      fhir.start();
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      close();
      throw e;
    }
    return this;
  }

  public AuthServerProcess auth() {
    return auth;
  }

  public FhirServerProcess fhir() {
    return fhir;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      if (fhir != null) {
        fhir.close();
      }
    } finally {
      if (auth != null) {
        auth.close();
      }
    }
  }

  private static String origin(int port) {
    return "http://127.0.0.1:" + port;
  }
}
