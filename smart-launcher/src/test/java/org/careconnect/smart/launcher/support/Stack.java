package org.careconnect.smart.launcher.support;

import java.io.IOException;
import java.nio.file.Path;
import org.careconnect.smart.launcher.LauncherApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a launcher test talks to: the FHIR stub, the real auth-server process (demo profile) and
 * the launcher itself on a random port, configured as an operator would, by properties.
 */
public final class Stack implements AutoCloseable {

  /** The Prometheus scrape password the launcher is given (user "prometheus"). */
  public static final String SCRAPE_PASSWORD = "launcher-test-scrape-password";

  public final FhirStub fhir;
  public final AuthServerProcess auth;
  private final ConfigurableApplicationContext launcher;
  private final int launcherPort;

  public Stack(Path dir) throws IOException {
    fhir = new FhirStub();
    launcherPort = Ports.free();
    auth = AuthServerProcess.start(dir, fhir.base(), "http://localhost:" + launcherPort);
    launcher =
        new SpringApplicationBuilder(LauncherApplication.class)
            .run(
                "--server.port=" + launcherPort,
                "--careconnect.launcher.auth-base=" + auth.base(),
                "--careconnect.launcher.fhir-base=" + fhir.base(),
                "--careconnect.launcher.apps[0].id=sample-app",
                "--careconnect.launcher.apps[0].name=CareConnect sample app",
                "--careconnect.launcher.apps[0].launch-url=" + fhir.appLaunchUrl(),
                "--careconnect.launcher.apps[0].client-id=sample-app",
                "--careconnect.operations.metrics.password=" + SCRAPE_PASSWORD);
  }

  public String launcher() {
    return "http://localhost:" + launcherPort;
  }

  @Override
  public void close() {
    launcher.close();
    auth.close();
    fhir.close();
  }
}
