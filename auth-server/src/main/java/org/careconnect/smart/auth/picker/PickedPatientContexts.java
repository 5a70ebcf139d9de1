package org.careconnect.smart.auth.picker;

import jakarta.servlet.http.HttpSession;
import org.careconnect.smart.auth.launch.LaunchContext;
import org.careconnect.smart.auth.launch.LaunchContextResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The patient (and encounter) a clinician picked in a standalone launch (SMART App Launch 2.2
 * §standalone launch, launch/patient and launch/encounter), taken from the picker's session state
 * when the authorization code is issued; the code is issued in the same browser session that
 * picked.
 */
@Component
public class PickedPatientContexts implements LaunchContextResolver {

  @Override
  public LaunchContext resolve(OAuth2Authorization authorization) {
    OAuth2AuthorizationRequest request =
        authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    HttpSession session = currentSession();
    if (request == null
        || session == null
        || !authorization.getAuthorizedScopes().contains(PatientPickerStep.LAUNCH_PATIENT)) {
      return LaunchContext.NONE;
    }
    boolean encounterGranted =
        authorization.getAuthorizedScopes().contains(PatientPickerStep.LAUNCH_ENCOUNTER);
    return PickerSession.of(session)
        .take(new FlowKey(request.getClientId(), request.getState()))
        .map(
            picked ->
                new LaunchContext(
                    picked.patient(),
                    encounterGranted ? picked.encounter() : null,
                    null,
                    null,
                    null))
        .orElse(LaunchContext.NONE);
  }

  private static HttpSession currentSession() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet
        ? servlet.getRequest().getSession(false)
        : null;
  }
}
