package org.careconnect.smart.service.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * https and the trust of outbound calls ({@code careconnect.tls.*} in each service's
 * application.yaml, each with its environment variable there; README "https"). One record for all
 * services: each sets and reads the settings it has, the rest stay unset.
 *
 * @param httpsPort the port of the https connector, beside the http one ({@code server.port})
 * @param serverBundle the SSL bundle ({@code spring.ssl.bundle.*}) holding this server's key and
 *     certificate chain; empty: no https connector
 * @param clientBundle the SSL bundle whose trust store this service's outbound calls trust; empty:
 *     the JDK's trusted CAs. Read by the services that call out (FHIR server, authorisation
 *     server, launcher)
 * @param httpMode what plain http does while https is on: serve, or redirect to https
 * @param hstsMaxAgeSeconds {@code Strict-Transport-Security} max-age on https answers; read by the
 *     services that write HSTS themselves (FHIR server, sample app), the others leave it to Spring
 *     Security
 */
@ConfigurationProperties("careconnect.tls")
public record TlsProperties(
    int httpsPort, String serverBundle, String clientBundle, HttpMode httpMode, long hstsMaxAgeSeconds) {

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
