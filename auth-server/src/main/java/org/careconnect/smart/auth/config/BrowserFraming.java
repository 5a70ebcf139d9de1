package org.careconnect.smart.auth.config;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

/**
 * A SMART app launched inside the launcher's EHR frame runs its authorisation redirect in that
 * frame, so the login and consent pages must be frameable by the launcher, and by nobody else
 * (CSP Level 2 frame-ancestors; X-Frame-Options cannot name an origin).
 */
final class BrowserFraming {

  private BrowserFraming() {}

  static void allowLauncherOnly(
      HeadersConfigurer<HttpSecurity> headers, AuthServerProperties properties) {
    headers
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
        .contentSecurityPolicy(
            csp -> csp.policyDirectives("frame-ancestors " + properties.launcherOrigin()));
  }
}
