package org.careconnect.smart.launcher.launch;

/** The five ways the launcher starts an app (SMART App Launch 2.2 §EHR launch, §standalone, §backend). */
public enum LaunchType {
  PROVIDER_EHR(
      "Provider EHR launch",
      "A clinician opens the app from inside the EHR with the chosen patient (and encounter): the app gets iss and launch."),
  PATIENT_PORTAL(
      "Patient portal launch",
      "A patient opens the app from their portal: an EHR launch whose user and patient are that patient."),
  PROVIDER_STANDALONE(
      "Provider standalone launch",
      "A clinician opens the app on its own: it gets iss only, and the clinician picks a patient at the authorisation server."),
  PATIENT_STANDALONE(
      "Patient standalone launch",
      "A patient opens the app on its own: it gets iss only, and the patient's own record is the context."),
  BACKEND_SERVICE(
      "Backend service",
      "No user and no browser: a system gets a token with client_credentials and a signed assertion (private_key_jwt).");

  private final String label;
  private final String hint;

  LaunchType(String label, String hint) {
    this.label = label;
    this.hint = hint;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }

  /** An EHR launch registers its context with the launch API and hands the app a launch id. */
  public boolean isEhrLaunch() {
    return this == PROVIDER_EHR || this == PATIENT_PORTAL;
  }

  public boolean isStandalone() {
    return this == PROVIDER_STANDALONE || this == PATIENT_STANDALONE;
  }
}
