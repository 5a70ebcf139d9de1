package org.careconnect.smart.fhir.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import java.time.Instant;
import org.careconnect.smart.service.operations.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code [base]/.well-known/smart-configuration} (SMART App Launch 2.2 §conformance): the
 * authorisation server's own document, fetched and kept for {@link #TTL}, so the two can never
 * disagree. Mapped exactly, which wins over HAPI's {@code /fhir/STU3/*}. No token needed; CORS
 * comes from the filter in front of every {@code /fhir/*} path.
 */
class SmartConfigurationServlet extends HttpServlet {

  static final String PATH = "/.well-known/smart-configuration";
  static final Duration TTL = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(SmartConfigurationServlet.class);

  private final transient HttpClient http;
  private final URI source;
  private final transient Clock clock;
  private transient volatile Cached cached;

  /** {@code tls}: whom an https source must be certified by (careconnect.tls.client-bundle). */
  SmartConfigurationServlet(String source, Clock clock, SSLContext tls) {
    this.source = URI.create(source);
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(tls).build();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = current();
    response.setHeader("Cache-Control", "public, max-age=" + TTL.toSeconds());
    if (body == null) {
      response.setStatus(503);
      response.setHeader("Retry-After", "10");
      response.setContentType("application/json");
      response.getOutputStream().write(
          "{\"error\":\"temporarily_unavailable\",\"error_description\":\"the authorisation server cannot be reached\"}"
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The cached document, refetched when stale; a stale copy serves while the source is down. */
  private byte[] current() {
    Cached now = cached;
    if (now != null && now.fetched.plus(TTL).isAfter(clock.instant())) {
      return now.body;
    }
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(3)).header("Accept", "application/json");
      RequestIds.current().ifPresent(id -> request.header(RequestIds.HEADER, id));
      HttpResponse<byte[]> fetched = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (fetched.statusCode() == 200) {
        cached = new Cached(fetched.body(), clock.instant());
        return fetched.body();
      }
      log.warn("{} answered {}", source, fetched.statusCode());
    } catch (IOException e) {
      log.warn("{} cannot be fetched: {}", source, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return now == null ? null : now.body;
  }

  private record Cached(byte[] body, Instant fetched) {}
}
