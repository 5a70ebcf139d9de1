package org.careconnect.smart.launcher.launch;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every choice of a launch, bound from the form or from a shared link's query string: the same
 * names both ways, so {@link #query()} of a launch reproduces it. Empty means "not chosen".
 */
public class LaunchForm {

  /** Where the app opens: in a new browser tab, or inside the launcher's EHR frame. */
  public enum Open {
    TAB,
    FRAME
  }

  private LaunchType type = LaunchType.PROVIDER_EHR;
  private String user = "";
  private String patient = "";
  private String encounter = "";
  private String app = "";
  private String launchUrl = "";
  private String clientId = "";
  private boolean banner = true;
  private String styleUrl = "";
  private SimulatedError error = SimulatedError.NONE;
  private boolean skipLogin;
  private boolean skipConsent;
  private Open open = Open.FRAME;

  /** The query string that reproduces this launch (no leading '?'). */
  public String query() {
    UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("type", type);
    add(query, "user", user);
    add(query, "patient", patient);
    add(query, "encounter", encounter);
    add(query, "app", app);
    add(query, "launchUrl", launchUrl);
    add(query, "clientId", clientId);
    query.queryParam("banner", banner);
    add(query, "styleUrl", styleUrl);
    if (error != SimulatedError.NONE) {
      query.queryParam("error", error);
    }
    if (skipLogin) {
      query.queryParam("skipLogin", true);
    }
    if (skipConsent) {
      query.queryParam("skipConsent", true);
    }
    query.queryParam("open", open);
    return query.encode().build().getQuery();
  }

  private static void add(UriComponentsBuilder query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query.queryParam(name, value.strip());
    }
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  public LaunchType getType() {
    return type;
  }

  public void setType(LaunchType type) {
    this.type = type == null ? LaunchType.PROVIDER_EHR : type;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = clean(user);
  }

  public String getPatient() {
    return patient;
  }

  public void setPatient(String patient) {
    this.patient = clean(patient);
  }

  public String getEncounter() {
    return encounter;
  }

  public void setEncounter(String encounter) {
    this.encounter = clean(encounter);
  }

  public String getApp() {
    return app;
  }

  public void setApp(String app) {
    this.app = clean(app);
  }

  public String getLaunchUrl() {
    return launchUrl;
  }

  public void setLaunchUrl(String launchUrl) {
    this.launchUrl = clean(launchUrl);
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clean(clientId);
  }

  public boolean isBanner() {
    return banner;
  }

  public void setBanner(boolean banner) {
    this.banner = banner;
  }

  public String getStyleUrl() {
    return styleUrl;
  }

  public void setStyleUrl(String styleUrl) {
    this.styleUrl = clean(styleUrl);
  }

  public SimulatedError getError() {
    return error;
  }

  public void setError(SimulatedError error) {
    this.error = error == null ? SimulatedError.NONE : error;
  }

  /** Demo users only: the authorisation server signs the launch's user in (skip_login). */
  public boolean isSkipLogin() {
    return skipLogin;
  }

  public void setSkipLogin(boolean skipLogin) {
    this.skipLogin = skipLogin;
  }

  /** Demo users only: the requested scopes are approved without the consent page (skip_consent). */
  public boolean isSkipConsent() {
    return skipConsent;
  }

  public void setSkipConsent(boolean skipConsent) {
    this.skipConsent = skipConsent;
  }

  public Open getOpen() {
    return open;
  }

  public void setOpen(Open open) {
    this.open = open == null ? Open.FRAME : open;
  }
}
