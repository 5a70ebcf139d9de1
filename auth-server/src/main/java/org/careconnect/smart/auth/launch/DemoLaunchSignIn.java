package org.careconnect.smart.auth.launch;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * skip_login: an authorization request carrying the launch id of a launch registered with
 * skip_login, from that launch's own client, with no one signed in, signs the launch's demo user
 * in (session id changed, as at any login) and goes on as that user. The launch is claimed in one
 * conditional UPDATE first, so a launch id signs someone in at most once; anything that does not
 * fit passes through untouched to the normal login.
 */
final class DemoLaunchSignIn extends OncePerRequestFilter {

  private static final String AUTHORIZE = "/oauth2/authorize";
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private final LaunchStore store;
  private final DemoLaunchRules rules;
  private final Clock clock;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  DemoLaunchSignIn(LaunchStore store, DemoLaunchRules rules, Clock clock) {
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !rules.launchShortcutsEnabled()
        || !AUTHORIZE.equals(request.getRequestURI().substring(request.getContextPath().length()))
        || request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null
        || request.getParameter(EhrLaunchValidator.LAUNCH_PARAMETER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication current = contexts.getContext().getAuthentication();
    if (current == null || TRUST.isAnonymous(current)) {
      demoUser(request).ifPresent(user -> signIn(user, request, response));
    }
    chain.doFilter(request, response);
  }

  private Optional<UserDetails> demoUser(HttpServletRequest request) {
    String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
    String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
    if (clientId == null
        || scope == null
        || !Arrays.asList(scope.split(" ")).contains(EhrLaunchValidator.LAUNCH_SCOPE)) {
      return Optional.empty();
    }
    String launchId = request.getParameter(EhrLaunchValidator.LAUNCH_PARAMETER);
    return store
        .find(launchId)
        .filter(launch -> launch.demo().skipLogin())
        .filter(launch -> launch.clientId().equals(clientId))
        .flatMap(launch -> rules.shortcutUser(launch.user()))
        .filter(user -> store.markSignedIn(launchId, clientId, clock.instant()));
  }

  private void signIn(UserDetails user, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      request.changeSessionId(); // session fixation, as Spring Security does at a login
    }
    if (user instanceof CredentialsContainer loaded) {
      loaded.eraseCredentials(); // the principal is stored with the authorization: no hash in it
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    contexts.setContext(context);
    sessions.saveContext(context, request, response);
  }
}
