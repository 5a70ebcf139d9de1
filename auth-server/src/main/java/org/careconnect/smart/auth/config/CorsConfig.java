package org.careconnect.smart.auth.config;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS. SMART web apps exchange the code and refresh from the page (public clients post a simple
 * form; confidential ones send Basic auth, hence a preflight allowing authorization): the token,
 * introspection and revocation endpoints answer the configured origins. Discovery documents and
 * the JWKS are public and answer every origin (no credentials).
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

  @Bean
  CorsConfigurationSource corsConfigurationSource(AuthServerProperties properties) {
    CorsConfiguration tokens = new CorsConfiguration();
    tokens.setAllowedOrigins(properties.allowedOrigins());
    tokens.setAllowedMethods(List.of("POST", "OPTIONS"));
    tokens.setAllowedHeaders(List.of("authorization", "content-type", "accept"));
    tokens.setMaxAge(3600L);

    CorsConfiguration discovery = new CorsConfiguration();
    discovery.addAllowedOrigin("*");
    discovery.setAllowedMethods(List.of("GET", "OPTIONS"));
    discovery.setMaxAge(3600L);

    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/oauth2/token", tokens);
    source.registerCorsConfiguration("/oauth2/introspect", tokens);
    source.registerCorsConfiguration("/oauth2/revoke", tokens);
    source.registerCorsConfiguration("/.well-known/**", discovery);
    source.registerCorsConfiguration("/oauth2/jwks", discovery);
    return source;
  }
}
