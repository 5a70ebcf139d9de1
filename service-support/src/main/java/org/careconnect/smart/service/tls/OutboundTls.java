package org.careconnect.smart.service.tls;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundles;

/**
 * The TLS trust of a service's own outbound calls (the FHIR server's to the authorisation server,
 * the launcher's to both servers): the SSL bundle {@code careconnect.tls.client-bundle} when set (the demo CA, or
 * an operator's private CA), else the JDK's trusted CAs. Verification is never switched off.
 */
public final class OutboundTls {

  private final SSLContext context;

  public OutboundTls(TlsProperties properties, SslBundles bundles) {
    String bundle = properties.clientBundle();
    this.context = bundle == null || bundle.isBlank() ? jdkDefault() : bundles.getBundle(bundle).createSslContext();
  }

  /** For the JDK HttpClient (and nimbus's retriever in the FHIR server). */
  public SSLContext sslContext() {
    return context;
  }

  private static SSLContext jdkDefault() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no default TLS context", e);
    }
  }
}
