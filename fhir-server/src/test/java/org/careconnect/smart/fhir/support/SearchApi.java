package org.careconnect.smart.fhir.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;

/** Searches over raw HTTP, so tests see exactly what a client sends and gets. */
public final class SearchApi {

  private final FhirTestClient client;

  public SearchApi(int port) {
    this.client = new FhirTestClient(port);
  }

  public FhirTestClient client() {
    return client;
  }

  /** {@code name=value} with the value URL-encoded (FHIR's own escapes are the caller's). */
  public static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Writes the resource under its own id (update as create), so references to it resolve. */
  public String put(Resource resource) {
    String path = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    HttpResponse<String> response =
        client.send("PUT", path, "application/fhir+json", client.encode(resource));
    assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
    return resource.getIdElement().getIdPart();
  }

  /** Creates the resource with a server-chosen id and returns the id. */
  public String post(Resource resource) {
    HttpResponse<String> response = client.postJson(resource.fhirType(), client.encode(resource));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return client.parse(resource.getClass(), response.body()).getIdElement().getIdPart();
  }

  /** A search that must succeed: the searchset Bundle. */
  public Bundle bundle(String pathAndQuery) {
    HttpResponse<String> response = client.get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
    Bundle bundle = client.parse(Bundle.class, response.body());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    return bundle;
  }

  /** The logical ids of the matches (not the includes) of one page, in order. */
  public List<String> matchIds(String pathAndQuery) {
    return matchIds(bundle(pathAndQuery));
  }

  public static List<String> matchIds(Bundle bundle) {
    List<String> ids = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH) {
        ids.add(entry.getResource().getIdElement().getIdPart());
      }
    }
    return ids;
  }

  public Set<String> matchIdSet(String pathAndQuery) {
    return new LinkedHashSet<>(matchIds(pathAndQuery));
  }

  /** A search that must fail with 400: the OperationOutcome's diagnostics. */
  public String badRequest(String pathAndQuery) {
    HttpResponse<String> response = client.get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(400);
    OperationOutcome outcome = client.parse(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep().getDiagnostics();
  }
}
