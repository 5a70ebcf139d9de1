package org.careconnect.smart.launcher.launch;

import java.util.Base64;
import java.security.SecureRandom;
import java.net.URI;
import java.util.Optional;
import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.LauncherProperties.App;
import org.careconnect.smart.launcher.LauncherProperties.User;
import org.careconnect.smart.launcher.apps.Apps;
import org.careconnect.smart.launcher.fhir.FhirSearch;
import org.careconnect.smart.launcher.fhir.PatientSummary;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns a person's choices into a launch: {@link #prepare} checks them against the configured
 * apps and users and the FHIR server (a refusal names the choice to change); {@link #start}
 * registers a fresh EHR launch and gives the app URL with {@code iss} (and {@code launch}).
 */
@Component
public class Launcher {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LauncherProperties properties;
  private final Apps apps;
  private final FhirSearch fhir;
  private final LaunchApi launchApi;

  Launcher(LauncherProperties properties, Apps apps, FhirSearch fhir, LaunchApi launchApi) {
    this.properties = properties;
    this.apps = apps;
    this.fhir = fhir;
    this.launchApi = launchApi;
  }

  /** A checked launch: the app to open, and for an EHR launch its user and patient. */
  public record Prepared(LaunchForm form, String appName, String launchUrl, String clientId, User user, PatientSummary patient) {}

  public Prepared prepare(LaunchForm form) {
    if (form.getType() == LaunchType.BACKEND_SERVICE) {
      throw new LaunchRefused("A backend service has no app to open: use the backend service page.");
    }
    App app = app(form);
    checkUrl(form.getStyleUrl(), "The smart_style_url");
    if (form.getType().isStandalone()) {
      return new Prepared(form, app.name(), app.launchUrl(), app.clientId(), null, null);
    }
    User user = user(form);
    String patientId = form.getPatient();
    if (form.getType() == LaunchType.PATIENT_PORTAL) {
      if (!patientId.isEmpty() && !patientId.equals(user.patientId())) {
        throw new LaunchRefused("In a patient portal launch the patient is the user: " + user.name() + " can only open their own record.");
      }
      patientId = user.patientId();
    }
    if (patientId.isEmpty()) {
      throw new LaunchRefused("Choose a patient: an EHR launch opens the app with a patient's record.");
    }
    String id = patientId;
    PatientSummary patient =
        fhir.patient(id).orElseThrow(() -> new LaunchRefused("There is no patient " + id + " on the FHIR server: search again and choose one."));
    if (!form.getEncounter().isEmpty()
        && fhir.encounters(id).stream().noneMatch(e -> e.id().equals(form.getEncounter()))) {
      throw new LaunchRefused("Encounter " + form.getEncounter() + " is not one of " + patient.name() + "'s encounters.");
    }
    return new Prepared(form, app.name(), app.launchUrl(), app.clientId(), user, patient);
  }

  /** The app URL of the launch; an EHR launch registers a fresh launch id first. */
  public String start(Prepared launch) {
    UriComponentsBuilder url = UriComponentsBuilder.fromUriString(launch.launchUrl()).queryParam("iss", properties.fhirBase());
    if (launch.form().getType().isEhrLaunch()) {
      url.queryParam("launch", launchId(launch));
    }
    return url.encode().toUriString();
  }

  private String launchId(Prepared launch) {
    LaunchForm form = launch.form();
    if (form.getError() == SimulatedError.INVALID_LAUNCH) {
      // 256 random bits like a real id, but never registered: the server cannot know it.
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    String clientId = launch.clientId();
    if (form.getError() == SimulatedError.INVALID_CLIENT) {
      if (properties.invalidClientId().equals(clientId)) {
        throw new LaunchRefused("The app's client id is the one used to simulate another client: choose another app or error.");
      }
      clientId = properties.invalidClientId();
    }
    return launchApi.register(
        new LaunchApi.Context(
            clientId,
            launch.patient().id(),
            form.getEncounter(),
            launch.user().fhirUser(),
            form.isBanner(),
            form.getStyleUrl(),
            form.getError().serverValue(),
            form.isSkipLogin(),
            form.isSkipConsent()));
  }

  private App app(LaunchForm form) {
    if (!form.getLaunchUrl().isEmpty()) {
      checkUrl(form.getLaunchUrl(), "The app's launch URL");
      if (form.getClientId().isEmpty()) {
        throw new LaunchRefused("An app given by its launch URL needs its client id too.");
      }
      return new App("custom", "App at " + form.getLaunchUrl(), form.getLaunchUrl(), form.getClientId());
    }
    if (form.getApp().isEmpty()) {
      return apps.defaultApp();
    }
    return apps.find(form.getApp())
        .orElseThrow(() -> new LaunchRefused("No app \"" + form.getApp() + "\" is registered with the launcher: choose one from the list or give a launch URL and client id."));
  }

  private User user(LaunchForm form) {
    boolean patientUser = form.getType() == LaunchType.PATIENT_PORTAL;
    Optional<User> user =
        form.getUser().isEmpty()
            ? properties.users().stream().filter(u -> u.isPatient() == patientUser).findFirst()
            : properties.users().stream().filter(u -> u.username().equals(form.getUser())).findFirst();
    User chosen = user.orElseThrow(() -> new LaunchRefused("No user \"" + form.getUser() + "\" is known to the launcher."));
    if (chosen.isPatient() != patientUser) {
      throw new LaunchRefused(
          patientUser
              ? "A patient portal launch needs a patient user: " + chosen.name() + " is a clinician."
              : "A provider EHR launch needs a clinician: " + chosen.name() + " is a patient.");
    }
    return chosen;
  }

  private static void checkUrl(String url, String what) {
    if (url.isEmpty()) {
      return;
    }
    try {
      URI uri = URI.create(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal
    }
    throw new LaunchRefused(what + " must be an absolute http or https URL.");
  }
}
