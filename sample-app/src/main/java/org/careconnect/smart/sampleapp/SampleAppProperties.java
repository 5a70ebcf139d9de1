package org.careconnect.smart.sampleapp;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app's settings (defaults in {@code application.yaml}).
 *
 * @param clientId the OAuth client id registered at the authorisation server
 * @param scope scopes requested on an EHR launch ({@code launch} in the URL)
 * @param standaloneScope scopes requested on a standalone launch; never {@code launch}, which
 *     the authorisation server refuses without an EHR launch id
 * @param fhirBaseUrl the FHIR server offered on the start page; the browser may call it (CSP)
 * @param authOrigins origins of authorisation servers whose token endpoint the browser calls
 * @param frameAncestors origins allowed to frame the app (the launcher's EHR frame)
 */
@ConfigurationProperties("careconnect.sample-app")
record SampleAppProperties(
    String clientId,
    String scope,
    String standaloneScope,
    URI fhirBaseUrl,
    List<String> authOrigins,
    List<String> frameAncestors) {

  /** The CSP connect-src list: the FHIR server's origin and the authorisation servers'. */
  Set<String> connectSources() {
    Set<String> sources = new LinkedHashSet<>();
    sources.add("'self'");
    sources.add(origin(fhirBaseUrl));
    authOrigins.forEach(o -> sources.add(origin(URI.create(o))));
    return sources;
  }

  private static String origin(URI uri) {
    int port = uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port);
  }
}
