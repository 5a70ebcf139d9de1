package org.careconnect.smart.fhir.security;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.net.ssl.SSLSocketFactory;
import org.careconnect.smart.service.operations.RequestIds;

/**
 * Nimbus's JWKS retriever, sending the request id of the FHIR request that made the JWKS be
 * fetched, so the authorisation server's log lines for that fetch carry it too.
 */
final class RequestIdForwardingRetriever extends DefaultResourceRetriever {

  /** {@code tls}: the sockets that trust the configured CA for https JWKS URLs. */
  RequestIdForwardingRetriever(int connectTimeout, int readTimeout, int sizeLimit, SSLSocketFactory tls) {
    super(connectTimeout, readTimeout, sizeLimit, true, tls);
  }

  @Override
  protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
    HttpURLConnection connection = super.openHTTPConnection(url);
    RequestIds.current().ifPresent(id -> connection.setRequestProperty(RequestIds.HEADER, id));
    return connection;
  }
}
