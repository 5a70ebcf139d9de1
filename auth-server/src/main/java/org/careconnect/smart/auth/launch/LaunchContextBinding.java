package org.careconnect.smart.auth.launch;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Fixes the launch context on an authorization at the moment its code is issued, so the token
 * and every refresh carry the same context (a launch id is single-use, so it cannot be resolved
 * again later).
 */
public class LaunchContextBinding {

  private static final OAuth2TokenType CODE = new OAuth2TokenType("code");
  private final OAuth2AuthorizationService authorizations;
  private final LaunchContextResolver resolver;

  LaunchContextBinding(OAuth2AuthorizationService authorizations, LaunchContextResolver resolver) {
    this.authorizations = authorizations;
    this.resolver = resolver;
  }

  public void bind(String authorizationCode) {
    OAuth2Authorization authorization = authorizations.findByToken(authorizationCode, CODE);
    if (authorization == null) {
      return;
    }
    LaunchContext context = resolver.resolve(authorization);
    if (context.equals(LaunchContext.NONE)) {
      return;
    }
    authorizations.save(
        OAuth2Authorization.from(authorization)
            .attribute(LaunchContext.ATTRIBUTE, context.toAttribute())
            .build());
  }
}
