package org.careconnect.smart.fhir.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The demo TLS material as {@code scripts/demo-tls.sh} makes it (the script itself runs, so the
 * tests cover it), and what a test needs from it: a TLS context trusting the demo CA only, the
 * CA's fingerprint, the Spring Boot SSL bundle settings of a service.
 */
public final class DemoTls {

  private final Path dir;

  private DemoTls(Path dir) {
    this.dir = dir;
  }

  /** Runs the script (bounded: 60 s) for {@code dir}; {@code host}: CARECONNECT_TLS_HOST or null. */
  public static DemoTls generate(Path dir, String host) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), dir.toString()).redirectErrorStream(true);
    builder.environment().remove("CARECONNECT_TLS_HOST");
    if (host != null) {
      builder.environment().put("CARECONNECT_TLS_HOST", host);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("demo-tls.sh failed: " + output);
    }
    return new DemoTls(dir);
  }

  private static Path script() {
    // the module folder is the working directory of surefire and failsafe
    return Path.of("..", "scripts", "demo-tls.sh").toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  public X509Certificate ca() throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  public String caFingerprint() throws IOException, GeneralSecurityException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ca().getEncoded()));
  }

  /** A TLS context that trusts the demo CA and nothing else. */
  public SSLContext trustingCaOnly() throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("demo-ca", ca());
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  /**
   * Spring Boot arguments for {@code service}: https on {@code httpsPort} with its demo
   * certificate (bundle "server"), outbound calls trusting the demo CA (bundle "client").
   */
  public String[] serviceArguments(String service, int httpsPort) {
    return new String[] {
      "--careconnect.tls.https-port=" + httpsPort,
      "--careconnect.tls.server-bundle=server",
      "--careconnect.tls.client-bundle=client",
      "--spring.ssl.bundle.pem.server.keystore.certificate=file:" + dir.resolve(service + ".crt").toAbsolutePath(),
      "--spring.ssl.bundle.pem.server.keystore.private-key=file:" + dir.resolve(service + ".key").toAbsolutePath(),
      "--spring.ssl.bundle.pem.client.truststore.certificate=file:" + dir.resolve("ca.crt").toAbsolutePath()
    };
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
