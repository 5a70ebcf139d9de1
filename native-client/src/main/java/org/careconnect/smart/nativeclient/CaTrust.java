package org.careconnect.smart.nativeclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom the servers' https certificates must chain to: the CAs of {@code --ca-file} (a PEM file,
 * such as the demo CA {@code data/tls/ca.crt}), and then only them; without it, the JDK's CAs.
 * Verification is never switched off.
 */
final class CaTrust {

  private CaTrust() {}

  static SSLContext of(Path caFile) throws FlowFailure {
    try {
      if (caFile == null) {
        return SSLContext.getDefault();
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      Collection<? extends Certificate> cas;
      try (InputStream in = Files.newInputStream(caFile)) {
        cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (cas.isEmpty()) {
        throw new FlowFailure("--ca-file " + caFile + " holds no certificate.");
      }
      int i = 0;
      for (Certificate ca : cas) {
        trust.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new FlowFailure("--ca-file " + caFile + " cannot be read as PEM certificates: " + e.getMessage(), e);
    }
  }
}
