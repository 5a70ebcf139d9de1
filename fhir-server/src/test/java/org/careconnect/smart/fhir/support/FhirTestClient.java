package org.careconnect.smart.fhir.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** HAPI's generic client and a raw HTTP client pointed at one running server. */
public final class FhirTestClient {

  private static final FhirContext CONTEXT = FhirContext.forDstu3Cached();

  static {
    CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    // HAPI's default 10 s read timeout fails tests on a loaded machine; still bounded.
    CONTEXT.getRestfulClientFactory().setSocketTimeout(60_000);
    CONTEXT.getRestfulClientFactory().setConnectTimeout(10_000);
  }

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public FhirTestClient(int port) {
    this.base = "http://localhost:" + port + "/fhir/STU3";
  }

  public static FhirContext context() {
    return CONTEXT;
  }

  public String base() {
    return base;
  }

  public IGenericClient fhir() {
    return CONTEXT.newRestfulGenericClient(base);
  }

  /** A raw request: path relative to the base (e.g. "Patient?family=x"), optional body. */
  public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + "/" + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public HttpResponse<String> postJson(String path, String body, String... headers) {
    return send("POST", path, "application/fhir+json", body, headers);
  }

  public <T extends IBaseResource> T parse(Class<T> type, String json) {
    return CONTEXT.newJsonParser().parseResource(type, json);
  }

  public String encode(IBaseResource resource) {
    return CONTEXT.newJsonParser().encodeResourceToString(resource);
  }

  /** A value no other test uses, for identifiers and names. */
  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
