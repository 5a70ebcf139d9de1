package org.careconnect.smart.launcher.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.careconnect.smart.launcher.LauncherProperties;
import org.springframework.stereotype.Component;

/**
 * The launcher's own backend-services token (SMART 2.2 §backend services): {@code
 * client_credentials} with a private_key_jwt assertion, for {@link #SCOPE} only. Kept until a
 * minute before it expires, so a search costs no token request.
 */
@Component
public class SystemToken {

  /** What the patient and encounter search needs, and no more. */
  public static final String SCOPE = "system/Patient.rs system/Encounter.rs";

  private final String tokenEndpoint;
  private final ClientAssertion assertion;
  private final Http http;
  private final Clock clock = Clock.systemUTC();
  private Grant current;

  SystemToken(LauncherProperties properties, Http http) {
    this.tokenEndpoint = properties.authBase() + "/oauth2/token";
    this.assertion =
        new ClientAssertion(
            properties.client().id(), properties.client().keyId(), properties.client().privateKey());
    this.http = http;
  }

  /** A token granted now or earlier and good for at least another minute. */
  public synchronized String accessToken() {
    if (current == null || clock.instant().plusSeconds(60).isAfter(current.expiresAt())) {
      current = request();
    }
    return current.accessToken();
  }

  /** A new token, always requested (the backend-service page shows what was granted). */
  public Grant request() {
    String form =
        "grant_type=client_credentials&scope=" + enc(SCOPE)
            + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            + "&client_assertion=" + enc(assertion.sign(tokenEndpoint));
    Http.Answer answer =
        http.send(
            HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            "authorisation server");
    JsonNode json = answer.json();
    if (!answer.ok() || !json.hasNonNull("access_token")) {
      throw new UpstreamException(
          "The authorisation server refused the launcher's token request (" + answer.status() + " "
              + json.path("error").asText("") + ": " + json.path("error_description").asText("") + ")");
    }
    long expiresIn = json.path("expires_in").asLong(0);
    return new Grant(
        json.get("access_token").asText(),
        json.path("scope").asText(""),
        expiresIn,
        clock.instant().plusSeconds(expiresIn),
        tokenEndpoint);
  }

  /** A granted token: what the backend-service page shows. */
  public record Grant(String accessToken, String scope, long expiresIn, Instant expiresAt, String tokenEndpoint) {}

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
