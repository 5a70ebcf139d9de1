package org.careconnect.smart.launcher.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.careconnect.smart.launcher.LauncherProperties;
import org.springframework.stereotype.Component;

/**
 * Patient and encounter search on the FHIR server (STU3 JSON), with the launcher's own system
 * token: by NHS number when the query is ten digits, else by name.
 */
@Component
public class FhirSearch {

  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  private static final Pattern NHS_NUMBER = Pattern.compile("\\d{10}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final int MAX_RESULTS = 20;

  private final String base;
  private final SystemToken token;
  private final Http http;

  FhirSearch(LauncherProperties properties, SystemToken token, Http http) {
    this.base = properties.fhirBase();
    this.token = token;
    this.http = http;
  }

  public List<PatientSummary> patients(String query) {
    String compact = query.replaceAll("[\\s-]", "");
    String search =
        NHS_NUMBER.matcher(compact).matches()
            ? "identifier=" + enc(NHS_NUMBER_SYSTEM + "|" + compact)
            : "name=" + enc(query.strip());
    List<PatientSummary> found = new ArrayList<>();
    for (JsonNode entry : get("Patient?" + search + "&_count=" + MAX_RESULTS).path("entry")) {
      found.add(patient(entry.path("resource")));
    }
    return found;
  }

  /** The patient, or empty if the server has none with that id (or the id is not a FHIR id). */
  public Optional<PatientSummary> patient(String id) {
    if (!ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Http.Answer answer = send("Patient/" + id);
    if (answer.status() == 404 || answer.status() == 410) {
      return Optional.empty();
    }
    return Optional.of(patient(checked(answer).json()));
  }

  public List<EncounterSummary> encounters(String patientId) {
    if (!ID.matcher(patientId).matches()) {
      return List.of();
    }
    List<EncounterSummary> found = new ArrayList<>();
    for (JsonNode entry : get("Encounter?patient=" + enc(patientId) + "&_count=" + MAX_RESULTS).path("entry")) {
      found.add(encounter(entry.path("resource")));
    }
    return found;
  }

  private JsonNode get(String relative) {
    return checked(send(relative)).json();
  }

  private Http.Answer send(String relative) {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/" + relative))
            .header("Accept", "application/fhir+json")
            // Sent even while the FHIR server does not ask for it (SMART enforcement comes).
            .header("Authorization", "Bearer " + token.accessToken()),
        "FHIR server");
  }

  private static Http.Answer checked(Http.Answer answer) {
    if (!answer.ok()) {
      throw new UpstreamException("The FHIR server answered the search with HTTP " + answer.status() + ".");
    }
    return answer;
  }

  static PatientSummary patient(JsonNode patient) {
    JsonNode name = official(patient.path("name"));
    StringBuilder display = new StringBuilder();
    for (JsonNode given : name.path("given")) {
      display.append(given.asText()).append(' ');
    }
    display.append(name.path("family").asText("").toUpperCase());
    String nhsNumber = null;
    for (JsonNode identifier : patient.path("identifier")) {
      if (NHS_NUMBER_SYSTEM.equals(identifier.path("system").asText())) {
        nhsNumber = identifier.path("value").asText();
      }
    }
    return new PatientSummary(
        patient.path("id").asText(),
        display.toString().strip(),
        nhsNumber,
        patient.path("birthDate").asText(""),
        patient.path("gender").asText(""));
  }

  private static JsonNode official(JsonNode names) {
    for (JsonNode name : names) {
      if ("official".equals(name.path("use").asText())) {
        return name;
      }
    }
    return names.path(0);
  }

  static EncounterSummary encounter(JsonNode encounter) {
    JsonNode type = encounter.path("type").path(0);
    String description = type.path("text").asText(type.path("coding").path(0).path("display").asText(""));
    if (description.isBlank()) {
      description = encounter.path("class").path("display").asText(encounter.path("class").path("code").asText("Encounter"));
    }
    return new EncounterSummary(
        encounter.path("id").asText(),
        description,
        encounter.path("period").path("start").asText(""),
        encounter.path("status").asText(""));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
