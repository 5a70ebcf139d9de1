package org.careconnect.smart.service.tls;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11JsseProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Adds the https connector ({@code careconnect.tls.https-port}) beside the http one, its key and
 * chain from the SSL bundle {@code careconnect.tls.server-bundle}. http stays Boot's main
 * connector ({@code server.port}) so probes, tests and scripts that address it are unchanged
 * (docs/decisions/0009). Boot's own bundle-to-Tomcat mapping is not public; this is the same
 * mapping for the one case we need (a key store, no client certificates).
 */
class HttpsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final TlsProperties properties;
  private final SslBundles bundles;

  HttpsConnector(TlsProperties properties, SslBundles bundles) {
    this.properties = properties;
    this.bundles = bundles;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addAdditionalTomcatConnectors(connector(bundles.getBundle(properties.serverBundle())));
  }

  private Connector connector(SslBundle bundle) {
    Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
    connector.setPort(properties.httpsPort());
    connector.setScheme("https");
    connector.setSecure(true);
    AbstractHttp11JsseProtocol<?> protocol = (AbstractHttp11JsseProtocol<?>) connector.getProtocolHandler();
    SSLHostConfig host = new SSLHostConfig();
    host.setHostName(protocol.getDefaultSSLHostConfigName());
    host.setSslProtocol(bundle.getProtocol());
    SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystore(bundle.getStores().getKeyStore());
    String storePassword = bundle.getStores().getKeyStorePassword();
    certificate.setCertificateKeystorePassword(storePassword != null ? storePassword : "");
    if (bundle.getKey().getPassword() != null) {
      certificate.setCertificateKeyPassword(bundle.getKey().getPassword());
    }
    if (bundle.getKey().getAlias() != null) {
      certificate.setCertificateKeyAlias(bundle.getKey().getAlias());
    }
    host.addCertificate(certificate);
    if (bundle.getOptions().getEnabledProtocols() != null) {
      host.setProtocols(String.join(",", bundle.getOptions().getEnabledProtocols()));
    }
    if (bundle.getOptions().getCiphers() != null) {
      host.setCiphers(String.join(",", bundle.getOptions().getCiphers()));
    }
    protocol.addSslHostConfig(host, true);
    protocol.setSSLEnabled(true);
    return connector;
  }
}
