package org.careconnect.smart.launcher;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the launcher, declared in {@code application.yaml} with its default and
 * documented in the README. The client is the launcher's own registration at the authorisation
 * server: its secret opens the launch API, its key signs client assertions for its FHIR token.
 */
@Validated
@ConfigurationProperties("careconnect.launcher")
public record LauncherProperties(
    @NotBlank String authBase,
    @NotBlank String fhirBase,
    @NotNull @Valid Client client,
    @NotNull Duration timeout,
    @NotBlank String invalidClientId,
    @NotEmpty List<@Valid App> apps,
    @NotEmpty List<@Valid User> users) {

  /** The launcher's client: id, secret (launch API), private key and its kid (token endpoint). */
  public record Client(
      @NotBlank String id, @NotBlank String secret, @NotNull Resource privateKey, @NotBlank String keyId) {}

  /** A registered SMART app the launcher offers. */
  public record App(@NotBlank String id, @NotBlank String name, @NotBlank String launchUrl, @NotBlank String clientId) {}

  /**
   * A user to launch as: the EHR's user, whose {@code fhirUser} the launch is bound to (the
   * person who logs in must be that user). A patient user's own Patient is the launch patient.
   */
  public record User(@NotBlank String username, @NotBlank String name, @NotBlank String fhirUser) {

    public boolean isPatient() {
      return fhirUser.startsWith("Patient/");
    }

    /** The Patient id of a patient user. */
    public String patientId() {
      return fhirUser.substring("Patient/".length());
    }
  }
}
