package org.careconnect.smart.launcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The launcher has no users of its own (it is a demo EHR: anyone who can reach it may launch),
 * so every page is open; what Spring Security adds is CSRF protection of its POST forms and the
 * default headers. Its own pages are never framed (X-Frame-Options DENY): it frames apps, not
 * the other way round.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityFilterChain launcherSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    // Own styles only (no CDN); any http(s) origin may be framed: the app.
                    csp -> csp.policyDirectives(
                        "default-src 'self'; frame-src http: https:; frame-ancestors 'none'; form-action 'self'")));
    return http.build();
  }
}
