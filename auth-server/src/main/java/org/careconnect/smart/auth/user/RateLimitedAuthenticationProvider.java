package org.careconnect.smart.auth.user;

import org.careconnect.smart.auth.operations.LoginMetrics;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password login, refused while the username and address are locked out (see LoginAttempts). */
final class RateLimitedAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginAttempts attempts;
  private final LoginMetrics metrics;

  RateLimitedAuthenticationProvider(
      AuthenticationProvider passwords, LoginAttempts attempts, LoginMetrics metrics) {
    this.passwords = passwords;
    this.attempts = attempts;
    this.metrics = metrics;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "";
    if (attempts.isLocked(username, address)) {
      metrics.locked();
      throw new LockedException("Too many failed attempts");
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      attempts.succeeded(username, address);
      metrics.succeeded();
      return result;
    } catch (BadCredentialsException e) {
      attempts.failed(username, address);
      metrics.failed();
      throw e;
    } catch (AuthenticationException e) {
      metrics.failed();
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
