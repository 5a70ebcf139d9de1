package org.careconnect.smart.launcher.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.fhir.Http;
import org.careconnect.smart.launcher.fhir.UpstreamException;
import org.springframework.stereotype.Component;

/**
 * The authorisation server's launch-context API ({@code POST /api/launch}, auth-server README
 * "Launch-context API"): the launcher authenticates with HTTP Basic and its client secret and
 * gets a single-use launch id bound to the app's client id.
 */
@Component
class LaunchApi {

  private final String endpoint;
  private final String authorization;
  private final Http http;

  LaunchApi(LauncherProperties properties, Http http) {
    this.endpoint = properties.authBase() + "/api/launch";
    String credentials = properties.client().id() + ":" + properties.client().secret();
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.http = http;
  }

  /**
   * The context of one EHR launch, as the launch API names its fields. The demo options are sent
   * only when asked for, so a launch without them works with a server outside the demo profile.
   */
  record Context(
      String clientId,
      String patient,
      String encounter,
      String user,
      boolean needPatientBanner,
      String smartStyleUrl,
      String simulatedError,
      boolean skipLogin,
      boolean skipConsent) {

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("client_id", clientId);
      putIfSet(body, "patient", patient);
      putIfSet(body, "encounter", encounter);
      putIfSet(body, "user", user);
      body.put("need_patient_banner", needPatientBanner);
      putIfSet(body, "smart_style_url", smartStyleUrl);
      putIfSet(body, "simulated_error", simulatedError);
      if (skipLogin) {
        body.put("skip_login", true);
      }
      if (skipConsent) {
        body.put("skip_consent", true);
      }
      return body;
    }

    private static void putIfSet(Map<String, Object> body, String name, String value) {
      if (value != null && !value.isBlank()) {
        body.put(name, value);
      }
    }
  }

  /** Registers the context; a fresh launch id every time. */
  String register(Context context) {
    Http.Answer answer =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(context.body()))),
            "authorisation server");
    JsonNode json = answer.json();
    if (answer.status() == 400) {
      // The server names the field at fault (e.g. an unknown client_id): the person can fix it.
      throw new LaunchRefused("The authorisation server refused the launch: " + json.path("error_description").asText("invalid request") + ".");
    }
    if (!answer.ok() || !json.hasNonNull("launch")) {
      throw new UpstreamException(
          "The authorisation server's launch API answered " + answer.status() + " "
              + json.path("error").asText("") + " (check the launcher's client id and secret).");
    }
    return json.get("launch").asText();
  }
}
