package org.careconnect.smart.auth.launch;

import java.util.Optional;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/** Finds the EHR launch an authorization used, to read its demo options. */
final class DemoLaunches {

  private DemoLaunches() {}

  /**
   * The launch named by the authorization's request, if it was used by this client and this
   * user (as {@link EhrLaunchContexts} reads the context).
   */
  static Optional<EhrLaunch> usedBy(OAuth2Authorization authorization, LaunchStore store) {
    OAuth2AuthorizationRequest request =
        authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    if (request == null
        || !(request.getAdditionalParameters().get(EhrLaunchValidator.LAUNCH_PARAMETER)
            instanceof String launchId)) {
      return Optional.empty();
    }
    return store
        .find(launchId)
        .filter(launch -> launch.clientId().equals(request.getClientId()))
        .filter(launch -> authorization.getPrincipalName().equals(launch.usedBy()));
  }
}
