package org.careconnect.smart.launcher.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.careconnect.smart.service.operations.RequestIds;

/**
 * The launcher's outbound HTTP (to the authorisation and FHIR servers): timeouts on every call,
 * no redirects followed, JSON answers; a transport failure becomes an {@link UpstreamException}
 * naming the server, never a stack trace on a page.
 */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;
  private final Duration timeout;

  /** {@code tls}: the CAs an https server must chain to (careconnect.tls.client-bundle). */
  public Http(Duration timeout, SSLContext tls) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .sslContext(tls)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends the request (with this client's timeout); {@code server} names it in errors. */
  public Answer send(HttpRequest.Builder request, String server) {
    try {
      // the request id of the page being served goes along, so the other servers log it too
      RequestIds.current().ifPresent(id -> request.setHeader(RequestIds.HEADER, id));
      HttpResponse<String> response =
          client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UpstreamException("The " + server + " cannot be reached (" + e.getClass().getSimpleName() + "). Is it running?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("The call to the " + server + " was interrupted.");
    }
  }

  /** A status and body; {@link #json()} parses the body, an empty object if it is not JSON. */
  public record Answer(int status, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
