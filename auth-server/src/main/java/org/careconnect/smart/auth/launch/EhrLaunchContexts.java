package org.careconnect.smart.auth.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The context of the EHR launch an authorization used (SMART App Launch 2.2 §EHR launch, "launch
 * context arrives with your access token"): read when the code is issued from the launch that
 * {@link EhrLaunchValidator} marked used by this client and this user.
 */
class EhrLaunchContexts implements LaunchContextResolver {

  private final LaunchStore store;
  private final ObjectMapper json;

  EhrLaunchContexts(LaunchStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  @Override
  public LaunchContext resolve(OAuth2Authorization authorization) {
    OAuth2AuthorizationRequest request =
        authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    if (request == null
        || !authorization.getAuthorizedScopes().contains(EhrLaunchValidator.LAUNCH_SCOPE)
        || !(request.getAdditionalParameters().get(EhrLaunchValidator.LAUNCH_PARAMETER)
            instanceof String launchId)) {
      return LaunchContext.NONE;
    }
    return store
        .find(launchId)
        .filter(launch -> launch.clientId().equals(request.getClientId()))
        .filter(launch -> authorization.getPrincipalName().equals(launch.usedBy()))
        .map(this::context)
        .orElse(LaunchContext.NONE);
  }

  private LaunchContext context(EhrLaunch launch) {
    return new LaunchContext(
        launch.patient(),
        launch.encounter(),
        launch.needPatientBanner(),
        launch.smartStyleUrl(),
        launch.fhirContext().isEmpty() ? null : write(launch));
  }

  private String write(EhrLaunch launch) {
    try {
      return json.writeValueAsString(launch.fhirContext());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fhirContext cannot be written as JSON", e);
    }
  }
}
