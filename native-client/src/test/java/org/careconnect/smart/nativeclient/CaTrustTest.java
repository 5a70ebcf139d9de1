package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ca-file}: an https server with a demo certificate (scripts/demo-tls.sh) is reached when
 * the client trusts the demo CA, and refused with the JDK's CAs only.
 */
class CaTrustTest {

  @TempDir Path dir;
  private HttpsServer server;

  @BeforeEach
  void httpsServerWithADemoCertificate() throws Exception {
    Process script = new ProcessBuilder("bash", Path.of("..", "scripts", "demo-tls.sh").toString(), dir.toString())
        .redirectErrorStream(true).start();
    String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(output).isZero();

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
    server.createContext("/", exchange -> {
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void serverCertifiedByTheDemoCaIsReachedWithCaFile() throws Exception {
    Http http = new Http(CaTrust.of(dir.resolve("ca.crt")));

    assertThat(http.getJson(uri(), null, "discovery").path("ok").asBoolean()).isTrue();
  }

  @Test
  void serverCertifiedByTheDemoCaIsRefusedWithTheJdkCasOnly() throws Exception {
    Http http = new Http(CaTrust.of(null));

    assertThatThrownBy(() -> http.getJson(uri(), null, "discovery"))
        .isInstanceOf(FlowFailure.class)
        .hasMessageStartingWith("discovery: " + uri() + " could not be reached (javax.net.ssl.SSLHandshakeException");
  }

  @Test
  void caFileWithoutCertificatesIsRefused() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");

    assertThatThrownBy(() -> CaTrust.of(empty))
        .isInstanceOf(FlowFailure.class)
        .hasMessageStartingWith("--ca-file " + empty);
  }

  private URI uri() {
    return URI.create("https://localhost:" + server.getAddress().getPort() + "/.well-known/smart-configuration");
  }

  /** The fhir-server demo certificate chain and its PKCS#8 EC key, as a TLS server context. */
  private SSLContext serverContext() throws Exception {
    Certificate[] chain;
    try (InputStream in = Files.newInputStream(dir.resolve("fhir-server.crt"))) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
    }
    String pem = Files.readString(dir.resolve("fhir-server.key"))
        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", key, new char[0], chain);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
