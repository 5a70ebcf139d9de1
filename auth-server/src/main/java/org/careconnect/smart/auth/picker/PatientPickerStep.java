package org.careconnect.smart.auth.picker;

import org.careconnect.smart.auth.user.UserAccounts;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.stereotype.Component;

/**
 * The patient picker's place in the authorization endpoint's filter chain: after login and before
 * Spring Authorization Server decides on consent and issues the code (SMART App Launch 2.2
 * §standalone launch). Not a Filter bean itself, so Boot does not also register it for every URL.
 */
@Component
public class PatientPickerStep {

  static final String LAUNCH_PATIENT = "launch/patient";
  static final String LAUNCH_ENCOUNTER = "launch/encounter";

  private final RegisteredClientRepository clients;
  private final UserAccounts users;

  PatientPickerStep(RegisteredClientRepository clients, UserAccounts users) {
    this.clients = clients;
    this.users = users;
  }

  /** Adds the picker to the chain that holds the authorization endpoint. */
  public void addTo(HttpSecurity http) {
    // Spring Authorization Server adds its endpoint filters at the position of
    // AbstractPreAuthenticatedProcessingFilter; just before it, the user is known (session) and
    // no code has been issued yet.
    http.addFilterBefore(
        new PatientPickerFilter(clients, users), AbstractPreAuthenticatedProcessingFilter.class);
  }
}
