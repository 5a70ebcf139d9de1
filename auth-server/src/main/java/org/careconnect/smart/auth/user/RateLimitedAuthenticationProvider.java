package org.careconnect.smart.auth.user;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password login, refused while the username and address are locked out (see LoginAttempts). */
final class RateLimitedAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginAttempts attempts;

  RateLimitedAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
    this.passwords = passwords;
    this.attempts = attempts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "";
    if (attempts.isLocked(username, address)) {
      throw new LockedException("Too many failed attempts");
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      attempts.succeeded(username, address);
      return result;
    } catch (BadCredentialsException e) {
      attempts.failed(username, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
