package org.careconnect.smart.fhir.request;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Requests {@code FhirTestClient} cannot send: byte bodies, chunked bodies, and a body whose
 * declared length is a lie (sent over a plain socket).
 */
final class RawHttp {

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  RawHttp(int port) {
    this.port = port;
  }

  record Response(int status, String body) {}

  /** A request through the JDK client; {@code chunked} sends the body without a length. */
  Response send(String method, String url, List<String> headers, byte[] body, boolean chunked) {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, publisher);
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Declares {@code declaredLength} bytes but sends only {@code body}, then reads the answer: a
   * server that trusts the header must answer without waiting for the rest.
   */
  Response sendRaw(String method, String path, List<String> headers, byte[] body, long declaredLength) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port).append("\r\n")
          .append("Connection: close\r\n")
          .append("Content-Length: ").append(declaredLength).append("\r\n");
      for (int i = 0; i + 1 < headers.size(); i += 2) {
        head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      // the rest of the body never comes: the server sees its end at once, not after a timeout
      socket.shutdownOutput();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the server may reset the connection after answering; keep what arrived
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    String head = text.substring(0, headEnd);
    String body = text.substring(headEnd + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    if (head.toLowerCase().contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Response(status, body);
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
