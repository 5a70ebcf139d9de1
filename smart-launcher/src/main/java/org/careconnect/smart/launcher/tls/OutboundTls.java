package org.careconnect.smart.launcher.tls;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundles;

/**
 * The TLS trust of the launcher's calls to the authorisation and FHIR servers: the SSL bundle {@code careconnect.tls.client-bundle} when set (the demo CA, or
 * an operator's private CA), else the JDK's trusted CAs. Verification is never switched off.
 */
public final class OutboundTls {

  private final SSLContext context;

  OutboundTls(TlsProperties properties, SslBundles bundles) {
    String bundle = properties.clientBundle();
    this.context = bundle == null || bundle.isBlank() ? jdkDefault() : bundles.getBundle(bundle).createSslContext();
  }

  /** For the JDK HttpClient. */
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
