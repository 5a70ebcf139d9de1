package org.careconnect.smart.fhir.tls;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundles;

/**
 * The TLS trust of this server's own calls (the authorisation server's JWKS and SMART
 * configuration): the SSL bundle {@code careconnect.tls.client-bundle} when set (the demo CA, or
 * an operator's private CA), else the JDK's trusted CAs. Verification is never switched off.
 */
public final class OutboundTls {

  private final SSLContext context;

  OutboundTls(TlsProperties properties, SslBundles bundles) {
    String bundle = properties.clientBundle();
    this.context = bundle == null || bundle.isBlank() ? jdkDefault() : bundles.getBundle(bundle).createSslContext();
  }

  /** For the JDK HttpClient and nimbus's retriever. */
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
