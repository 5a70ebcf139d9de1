package org.careconnect.smart.auth.launch;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Decides the launch context of an authorization when its code is issued. The seam for the EHR
 * launch (resolve the {@code launch} parameter of the authorization request, kept in the
 * OAuth2AuthorizationRequest attribute's additional parameters) and the patient picker: put a
 * resolver bean in front of {@link PatientSelfLaunch}, or chain them.
 */
public interface LaunchContextResolver {

  LaunchContext resolve(OAuth2Authorization authorization);
}
