package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link LaunchRequest} into a stored {@link EhrLaunch}: checks every field, binds the
 * launch to its app and gives it a random, short-lived id (SMART App Launch 2.2 §EHR launch: the
 * launch parameter is an opaque identifier the app passes back unchanged).
 */
@Component
class LaunchRegistration {

  /** FHIR id datatype: 1-64 of [A-Za-z0-9-.]. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private static final Pattern REFERENCE =
      Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

  private static final Set<String> FHIR_CONTEXT_KEYS =
      Set.of("reference", "canonical", "identifier", "type", "role");

  private static final int MAX_FHIR_CONTEXT_ITEMS = 20;

  private static final TypeReference<Map<String, Object>> FHIR_CONTEXT_ITEM =
      new TypeReference<>() {};

  /** 256 bits, well above the 128 the OAuth security BCP asks of unguessable values. */
  private static final int ID_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final RegisteredClientRepository clients;
  private final LaunchStore store;
  private final LaunchProperties properties;
  private final ObjectMapper json;
  private final Clock clock;
  private final DemoLaunchRules demo;

  LaunchRegistration(
      RegisteredClientRepository clients,
      LaunchStore store,
      LaunchProperties properties,
      ObjectMapper json,
      Clock clock,
      DemoLaunchRules demo) {
    this.demo = demo;
    this.clients = clients;
    this.store = store;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  EhrLaunch register(LaunchRequest request) {
    String clientId = required(request.clientId(), "client_id");
    RegisteredClient app = clients.findByClientId(clientId);
    if (app == null) {
      throw new InvalidLaunchRequestException("client_id " + clientId + " is not a registered client");
    }
    if (!app.getScopes().contains("launch")) {
      throw new InvalidLaunchRequestException(
          "client " + clientId + " is not allowed the launch scope, so it cannot use an EHR launch");
    }
    String user = user(request.user());
    DemoLaunchOptions options = demo.check(request, user);
    Instant now = clock.instant();
    EhrLaunch launch =
        new EhrLaunch(
            newId(),
            clientId,
            id(request.patient(), "Patient", "patient"),
            id(request.encounter(), "Encounter", "encounter"),
            user,
            request.needPatientBanner(),
            styleUrl(request.smartStyleUrl()),
            fhirContext(request.fhirContext()),
            now.plus(properties.lifetime()),
            null,
            null,
            options);
    store.save(launch, now);
    return launch;
  }

  private String newId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidLaunchRequestException(name + " is required");
    }
    return value;
  }

  /** Accepts {@code 123} or {@code Patient/123}; the token response carries the bare id. */
  private static String id(String value, String type, String name) {
    if (value == null) {
      return null;
    }
    String id = value.startsWith(type + "/") ? value.substring(type.length() + 1) : value;
    if (!FHIR_ID.matcher(id).matches()) {
      throw new InvalidLaunchRequestException(name + " must be a FHIR id or " + type + "/<id>");
    }
    return id;
  }

  private static String user(String value) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > 200) {
      throw new InvalidLaunchRequestException("user must be a fhirUser reference or a username");
    }
    return value;
  }

  private static String styleUrl(String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (uri.isAbsolute()
          && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && value.length() <= 1000) {
        return value;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new InvalidLaunchRequestException("smart_style_url must be an absolute http(s) URL");
  }

  /**
   * SMART 2.2 §fhirContext: an array of objects, each with at least one of reference, canonical
   * or identifier. A bare string is taken as a reference.
   */
  private List<Map<String, Object>> fhirContext(JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > MAX_FHIR_CONTEXT_ITEMS) {
      throw new InvalidLaunchRequestException(
          "fhirContext must be an array of at most " + MAX_FHIR_CONTEXT_ITEMS + " items");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (item.isTextual() && REFERENCE.matcher(item.asText()).matches()) {
        items.add(Map.of("reference", item.asText()));
      } else if (item.isObject() && isFhirContextObject(item)) {
        items.add(json.convertValue(item, FHIR_CONTEXT_ITEM));
      } else {
        throw new InvalidLaunchRequestException(
            "each fhirContext item must be a reference (Type/id) or an object with reference,"
                + " canonical or identifier");
      }
    }
    return items;
  }

  private static boolean isFhirContextObject(JsonNode item) {
    boolean known = true;
    for (var names = item.fieldNames(); names.hasNext(); ) {
      known &= FHIR_CONTEXT_KEYS.contains(names.next());
    }
    JsonNode reference = item.get("reference");
    boolean validReference =
        reference == null || (reference.isTextual() && REFERENCE.matcher(reference.asText()).matches());
    return known
        && validReference
        && (item.has("reference") || item.has("canonical") || item.has("identifier"));
  }
}
