package org.careconnect.smart.auth.picker;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.careconnect.smart.auth.tls.OutboundTrust;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * Searches the FHIR server for the picker, server-side, so the browser never talks to the FHIR
 * server with the authorisation server's credential. Reads STU3 searchset Bundles as JSON.
 */
@Component
class FhirPatientSearch {

  private static final String FHIR_JSON = "application/fhir+json";

  private final RestClient fhir;
  private final FhirServiceToken serviceToken;
  private final int maxResults;

  FhirPatientSearch(
      RestClient.Builder builder,
      PickerProperties properties,
      FhirServiceToken serviceToken,
      OutboundTrust trust) {
    // an https FHIR base must be certified by a CA of careconnect.tls.client-bundle (or the JDK's)
    ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
        .withTimeouts(properties.timeout(), properties.timeout())
        .withSslBundle(trust.bundle().orElse(null));
    ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.simple().build(settings);
    String base = properties.fhirBaseUrl().toString();
    this.fhir =
        builder
            .baseUrl(base.endsWith("/") ? base : base + "/")
            .requestFactory(requests)
            .defaultHeader(HttpHeaders.ACCEPT, FHIR_JSON)
            .build();
    this.serviceToken = serviceToken;
    this.maxResults = properties.maxResults();
  }

  /** {@code GET [base]/Patient?name=..&identifier=..&birthdate=..&_count=N}. */
  List<PatientSummary> patients(PatientQuery query) throws FhirSearchException {
    return search("Patient", query.searchParameters(), FhirSummaries::patient);
  }

  /** {@code GET [base]/Encounter?patient=<id>&_count=N} (SMART 2.2 §launch/encounter). */
  List<EncounterSummary> encounters(String patientId) throws FhirSearchException {
    return search("Encounter", Map.of("patient", patientId), FhirSummaries::encounter);
  }

  private <T> List<T> search(
      String type, Map<String, String> parameters, Function<JsonNode, T> summary)
      throws FhirSearchException {
    JsonNode bundle;
    try {
      bundle =
          fhir.get()
              .uri(builder -> query(builder.path(type), parameters))
              .headers(
                  headers ->
                      serviceToken.bearerToken().ifPresent(headers::setBearerAuth))
              .retrieve()
              .body(JsonNode.class);
    } catch (RestClientException e) {
      throw new FhirSearchException(type + " search failed: " + e.getMessage(), e);
    }
    if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) {
      throw new FhirSearchException(type + " search did not answer a Bundle", null);
    }
    List<T> results = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode resource = entry.path("resource");
      // A searchset may also hold included resources and OperationOutcomes: only matches count.
      boolean match = entry.path("search").path("mode").asText("match").equals("match");
      if (match && type.equals(resource.path("resourceType").asText()) && resource.hasNonNull("id")) {
        results.add(summary.apply(resource));
      }
      if (results.size() == maxResults) {
        break;
      }
    }
    return results;
  }

  private URI query(UriBuilder builder, Map<String, String> parameters) {
    // Values go through {placeholders} so that '|' and spaces are encoded, never interpreted.
    parameters.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
    builder.queryParam("_count", maxResults);
    return builder.build(parameters);
  }
}
