package org.careconnect.smart.fhir.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/demo-tls.sh: a CA made once and reused; server certificates signed by it, with SANs. */
class DemoCaScriptTest {

  @TempDir Path dir;

  @Test
  void secondRunKeepsTheSameCaAndCertificates() throws Exception {
    DemoTls first = DemoTls.generate(dir, null);
    String fingerprint = first.caFingerprint();
    byte[] leaf = Files.readAllBytes(dir.resolve("fhir-server.crt"));

    DemoTls second = DemoTls.generate(dir, null);

    assertThat(second.caFingerprint()).isEqualTo(fingerprint);
    assertThat(Files.readAllBytes(dir.resolve("fhir-server.crt"))).isEqualTo(leaf);
  }

  @Test
  void everyServiceCertificateIsSignedByTheCaAndNamesLocalhostLoopbackAndTheHost() throws Exception {
    DemoTls tls = DemoTls.generate(dir, "ehr.example.test");

    for (String service : List.of("fhir-server", "auth-server", "smart-launcher", "sample-app")) {
      X509Certificate leaf = firstCertificate(dir.resolve(service + ".crt"));
      leaf.verify(tls.ca().getPublicKey());
      assertThat(leaf.getSubjectAlternativeNames())
          .extracting(name -> (Object) String.valueOf(name.get(1)))
          .containsExactlyInAnyOrder("localhost", "127.0.0.1", "ehr.example.test");
    }
  }

  @Test
  void anotherHostNameRemakesTheServerCertificatesButKeepsTheCa() throws Exception {
    String fingerprint = DemoTls.generate(dir, null).caFingerprint();

    DemoTls moved = DemoTls.generate(dir, "ehr.example.test");

    assertThat(moved.caFingerprint()).isEqualTo(fingerprint);
    assertThat(firstCertificate(dir.resolve("auth-server.crt")).getSubjectAlternativeNames())
        .extracting(name -> (Object) String.valueOf(name.get(1))).contains("ehr.example.test");
  }

  private static X509Certificate firstCertificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
