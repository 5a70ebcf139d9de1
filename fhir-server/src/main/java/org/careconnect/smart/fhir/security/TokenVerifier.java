package org.careconnect.smart.fhir.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ScopeSet;

/**
 * Verifies a bearer access token (RFC 6750) issued by our authorisation server: a JWT (RFC 7519)
 * signed with ES256 (what our authorisation server signs access tokens with), RS256, RS384 or
 * ES384 by a key of the server's JWKS, with our {@code iss}, our FHIR base in {@code aud}, and
 * {@code exp}/{@code nbf} within the clock skew. Everything cryptographic is nimbus-jose-jwt's:
 * unsigned ({@code alg: none}) and HMAC tokens (HS256 "signed" with the public key) are refused
 * because the key selector only knows these four asymmetric algorithms, and picks only a key
 * whose type and {@code alg} fit the token's.
 *
 * <p>The JWKS is cached; a token with an unknown {@code kid} makes nimbus fetch it again
 * (rotation), rate-limited to once per {@code jwks-refetch-interval}, so forged kids cannot make
 * us hammer the authorisation server; a token no key fits within that interval is refused (401),
 * as one is after a refetch. Each call verifies afresh: {@link BearerTokenFilter} keeps
 * a token that passed ({@link VerifiedTokens}), so its next requests skip the signature check.
 */
class TokenVerifier {

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.ES384);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /** {@code tls}: whom an https JWKS URI must be certified by (careconnect.tls.client-bundle). */
  TokenVerifier(SecurityProperties properties, SSLContext tls) {
    this(jwkSource(properties, tls), properties);
  }

  TokenVerifier(JWKSource<SecurityContext> keys, SecurityProperties properties) {
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        properties.audience(),
        new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
        Set.of("exp", "sub", "scope"));
    claims.setMaxClockSkew((int) properties.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static JWKSource<SecurityContext> jwkSource(SecurityProperties properties, SSLContext tls) {
    try {
      long refetch = properties.jwksRefetchInterval().toMillis();
      return JWKSourceBuilder.<SecurityContext>create(
              URI.create(properties.jwksUri()).toURL(),
              new RequestIdForwardingRetriever(2_000, 2_000, 256 * 1024, tls.getSocketFactory()))
          .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
          .rateLimited(refetch)
          .retrying(false)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("careconnect.fhir.security.jwks-uri is not a URL: " + properties.jwksUri(), e);
    }
  }

  /**
   * The access the token grants.
   *
   * @throws InvalidTokenException the token is not one of ours, or no longer valid (401)
   * @throws KeysUnavailableException the signing keys could not be fetched (503)
   */
  SmartAccess verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (RateLimitReachedException e) {
      // no key fits and the JWKS was fetched again less than jwks-refetch-interval ago: the
      // token's fault (a forged or stray kid), not the authorisation server's
      throw new InvalidTokenException("The access token was refused: no key of the authorisation server fits it");
    } catch (KeySourceException e) {
      throw new KeysUnavailableException(e);
    } catch (ParseException e) {
      throw new InvalidTokenException("The access token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("The access token was refused: " + e.getMessage());
    }
    try {
      return new SmartAccess(
          claims.getJWTID(),
          claims.getStringClaim("client_id"),
          claims.getSubject(),
          claims.getStringClaim("fhirUser"),
          claims.getStringClaim("patient"),
          claims.getStringClaim("encounter"),
          ScopeSet.parse(claims.getStringClaim("scope")),
          claims.getExpirationTime().toInstant());
    } catch (ParseException e) {
      throw new InvalidTokenException("A claim of the access token has the wrong type: " + e.getMessage());
    } catch (InvalidScopeException e) {
      throw new InvalidTokenException("The access token's scope is not valid: " + e.getMessage());
    }
  }

  /** A token that must be refused with 401 {@code invalid_token} (RFC 6750 §3.1). */
  static final class InvalidTokenException extends RuntimeException {
    InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }

  /** The authorisation server's keys could not be had: not the client's fault (503). */
  static final class KeysUnavailableException extends RuntimeException {
    KeysUnavailableException(Throwable cause) {
      super("The authorisation server's signing keys are unavailable", cause);
    }
  }
}
