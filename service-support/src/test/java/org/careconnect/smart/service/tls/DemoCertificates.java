package org.careconnect.smart.service.tls;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The demo certificates as scripts/demo-tls.sh makes them (run here, so the tests use the real
 * thing), the Spring Boot SSL bundles of one service, and a TLS context trusting the demo CA only.
 * In service-support's test-jar, for the services' https tests (run from a module directory:
 * the script is found at {@code ../scripts/demo-tls.sh}).
 */
public final class DemoCertificates {

  public final Path dir;
  public final int httpsPort;

  private DemoCertificates(Path dir, int httpsPort) {
    this.dir = dir;
    this.httpsPort = httpsPort;
  }

  /** Makes the certificates (bounded: 60 s) and registers {@code service}'s https settings. */
  public static DemoCertificates register(String service, DynamicPropertyRegistry registry) throws Exception {
    // Under the module's build folder, not the system's temporary one: the Spring context may
    // outlive the test class (the test context cache), so nothing here can tell when to delete the
    // keys, and `mvn clean` does.
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-tls");
    Path script = Path.of("..", "scripts", "demo-tls.sh").toAbsolutePath().normalize();
    Process process = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("demo-tls.sh failed: " + output);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry.add("careconnect.tls.https-port", () -> port);
    registry.add("careconnect.tls.server-bundle", () -> "server");
    registry.add("spring.ssl.bundle.pem.server.keystore.certificate", () -> "file:" + dir.resolve(service + ".crt"));
    registry.add("spring.ssl.bundle.pem.server.keystore.private-key", () -> "file:" + dir.resolve(service + ".key"));
    registry.add("spring.ssl.bundle.pem.client.truststore.certificate", () -> "file:" + dir.resolve("ca.crt"));
    return new DemoCertificates(dir, port);
  }

  public SSLContext trustingCaOnly() throws Exception {
    X509Certificate ca;
    try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("demo-ca", ca);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
