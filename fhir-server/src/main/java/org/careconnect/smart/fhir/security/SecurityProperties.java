package org.careconnect.smart.fhir.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMART on FHIR enforcement settings ({@code careconnect.fhir.security.*} in application.yaml,
 * each with its environment variable there). See docs/security.md.
 *
 * @param enabled false only for facade tests: every request is then served without a token
 * @param issuer the {@code iss} every token must carry (the authorisation server)
 * @param jwksUri where the authorisation server publishes its signing keys
 * @param smartConfigurationUri the authorisation server's SMART configuration, republished here
 * @param audience the {@code aud} a token must contain: this server's FHIR base
 * @param jwksRefetchInterval a token with an unknown {@code kid} refetches the JWKS at most this often
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param allowedOrigins browser origins allowed by CORS
 * @param tokenCacheSize verified tokens remembered with their permissions until they expire
 *     ({@link VerifiedTokens}); 0: none
 */
@ConfigurationProperties("careconnect.fhir.security")
record SecurityProperties(
    boolean enabled,
    String issuer,
    String jwksUri,
    String smartConfigurationUri,
    String audience,
    Duration jwksRefetchInterval,
    Duration clockSkew,
    List<String> allowedOrigins,
    int tokenCacheSize) {}
