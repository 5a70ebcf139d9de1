package org.careconnect.smart.auth.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * https and the trust of outbound calls ({@code careconnect.tls.*} in application.yaml, each with
 * its environment variable there; README "https").
 *
 * @param httpsPort the port of the https connector, beside the http one ({@code server.port})
 * @param serverBundle the SSL bundle ({@code spring.ssl.bundle.*}) holding this server's key and
 *     certificate chain; empty: no https connector
 * @param clientBundle the SSL bundle whose trust store the patient picker's calls to the FHIR
 *     server trust; empty: the JDK's trusted CAs
 * @param httpMode what plain http does while https is on: serve, or redirect to https
 */
@ConfigurationProperties("careconnect.tls")
public record TlsProperties(
    int httpsPort, String serverBundle, String clientBundle, HttpMode httpMode) {

  public boolean httpsOn() {
    return serverBundle != null && !serverBundle.isBlank();
  }

  /** Redirecting only makes sense when there is an https connector to redirect to. */
  public boolean redirectsHttp() {
    return httpsOn() && httpMode == HttpMode.REDIRECT;
  }

  public enum HttpMode {
    SERVE,
    REDIRECT
  }
}
