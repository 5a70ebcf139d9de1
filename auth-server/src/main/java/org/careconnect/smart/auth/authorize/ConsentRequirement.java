package org.careconnect.smart.auth.authorize;

import java.util.function.Predicate;
import org.careconnect.smart.auth.launch.DemoLaunchShortcuts;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;

/**
 * Whether the consent page is shown: Spring Authorization Server's own rule (its default is
 * private, so restated here: the client requires consent, the request asks for more than {@code
 * openid}, and no stored consent covers it), except for a demo launch registered with
 * skip_consent ({@link DemoLaunchShortcuts}), whose requested scopes are granted without asking.
 */
final class ConsentRequirement implements Predicate<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  private final DemoLaunchShortcuts demoLaunchShortcuts;

  ConsentRequirement(DemoLaunchShortcuts demoLaunchShortcuts) {
    this.demoLaunchShortcuts = demoLaunchShortcuts;
  }

  @Override
  public boolean test(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    if (!context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()) {
      return false;
    }
    var scopes = context.getAuthorizationRequest().getScopes();
    if (scopes.contains(OidcScopes.OPENID) && scopes.size() == 1) {
      return false;
    }
    OAuth2AuthorizationConsent stored = context.getAuthorizationConsent();
    if (stored != null && stored.getScopes().containsAll(scopes)) {
      return false;
    }
    return !demoLaunchShortcuts.skipsConsent(context);
  }
}
