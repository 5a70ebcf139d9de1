package org.careconnect.smart.auth.client;

import java.util.Set;
import org.careconnect.smart.scope.CustomScope;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ResourceScope;
import org.careconnect.smart.scope.ScopeContext;
import org.careconnect.smart.scope.ScopeParser;
import org.careconnect.smart.scope.ScopeSet;
import org.careconnect.smart.scope.SmartScope;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What a {@code client_credentials} request may be granted (SMART App Launch 2.2 §backend
 * services, "Scopes"): there is no user and no patient, so only {@code system/} scopes, plus a
 * deployment's own API scopes (e.g. the EHR launch API's); never {@code patient/}, {@code user/},
 * {@code openid} or other user-facing scopes. {@code system/} scopes need asymmetric client
 * authentication ({@code private_key_jwt}), as SMART requires of backend services.
 *
 * <p>The grant is the requested scopes the client's allowed scopes imply ({@link
 * ScopeSet#negotiate}): a client allowed {@code system/*.rs} asking for {@code
 * system/Observation.rs} gets exactly that. Nothing implied at all is {@code invalid_scope}.
 */
final class BackendScopePolicy {

  private static final String ERROR_URI =
      "https://hl7.org/fhir/smart-app-launch/backend-services.html#scopes";

  /** The scopes granted for {@code requested}; throws the RFC 6749 §5.2 error otherwise. */
  Set<String> grant(RegisteredClient client, ClientAuthenticationMethod method, Set<String> requested) {
    if (requested.isEmpty()) {
      throw error(OAuth2ErrorCodes.INVALID_SCOPE, "scope is required");
    }
    ScopeSet scopes;
    try {
      scopes = ScopeSet.of(requested);
    } catch (InvalidScopeException e) {
      throw error(OAuth2ErrorCodes.INVALID_SCOPE, e.getMessage());
    }
    boolean system = false;
    for (SmartScope scope : scopes.scopes()) {
      if (scope instanceof ResourceScope resource && resource.context() == ScopeContext.SYSTEM) {
        system = true;
      } else if (!(scope instanceof CustomScope)) {
        throw error(
            OAuth2ErrorCodes.INVALID_SCOPE,
            "client_credentials grants system/ scopes only, not " + scope.value());
      }
    }
    if (system && !ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)) {
      throw error(
          OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
          "system/ scopes require private_key_jwt client authentication");
    }
    ScopeSet granted = scopes.negotiate(allowed(client));
    if (granted.isEmpty()) {
      throw error(OAuth2ErrorCodes.INVALID_SCOPE, "none of the requested scopes is allowed for this client");
    }
    return granted.valueSet();
  }

  /**
   * Validator for SAS's client_credentials provider, replacing its default (which wants the exact
   * strings of the client's scopes): the scopes on the request must be exactly what {@link
   * #grant} gives for them, i.e. {@link BackendTokenRequestConverter} has negotiated them.
   */
  void checkGranted(OAuth2ClientCredentialsAuthenticationContext context) {
    OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
    OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) request.getPrincipal();
    Set<String> scopes = request.getScopes();
    if (!grant(context.getRegisteredClient(), client.getClientAuthenticationMethod(), scopes)
        .equals(scopes)) {
      throw error(OAuth2ErrorCodes.INVALID_SCOPE, "a requested scope is not allowed for this client");
    }
  }

  /** The client's allowed scopes; a stored scope that no longer parses allows nothing. */
  private static ScopeSet allowed(RegisteredClient client) {
    return ScopeSet.of(client.getScopes().stream().filter(BackendScopePolicy::parses).toList());
  }

  private static boolean parses(String scope) {
    try {
      ScopeParser.parse(scope);
      return true;
    } catch (InvalidScopeException e) {
      return false;
    }
  }

  private static OAuth2AuthenticationException error(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, ERROR_URI));
  }
}
