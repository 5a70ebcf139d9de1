package org.careconnect.smart.auth.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Verifies {@code private_key_jwt} client assertions. Replaces SAS's {@code
 * JwtClientAssertionDecoderFactory}, which reads keys only from a {@code jwks_uri} (no inline JWK
 * Set, no size limit, no check of the address it fetches), accepts one algorithm per client,
 * caches a decoder per client for ever and accepts the issuer as {@code aud}.
 *
 * <p>SMART App Launch 2.2 §backend services: servers SHALL support RS384 and ES384; RS256 is
 * accepted too because many client libraries default to it.
 *
 * <p>A decoder is built once per client and key registration (its inline JWK Set, or its {@code
 * jwks_uri}), and kept while the client's registration names the same keys: building it parses
 * the JWK Set and was a tenth of a client_credentials request. A client whose keys are updated
 * gets a new decoder on its next request (as soon as the registered client is read again, see
 * CachedRegisteredClients); keys behind a {@code jwks_uri} are cached by RemoteJwkSets.
 */
final class ClientAssertionDecoderFactory implements JwtDecoderFactory<RegisteredClient> {

  static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.ES384);

  private final RemoteJwkSets remoteKeys;
  private final ReplayedAssertionStore replays;
  private final ClientProperties.Assertion settings;
  private final Clock clock;
  private final Cache<String, KeyedDecoder> decoders;

  /** A client's decoder and the key registration it was built from. */
  private record KeyedDecoder(Object keyRegistration, JwtDecoder decoder) {}

  ClientAssertionDecoderFactory(
      RemoteJwkSets remoteKeys,
      ReplayedAssertionStore replays,
      ClientProperties.Assertion settings,
      Clock clock,
      int maxClients) {
    this.remoteKeys = remoteKeys;
    this.replays = replays;
    this.settings = settings;
    this.clock = clock;
    this.decoders = Caffeine.newBuilder().maximumSize(maxClients).build();
  }

  @Override
  public JwtDecoder createDecoder(RegisteredClient client) {
    Object keyRegistration = keyRegistration(client);
    KeyedDecoder cached = decoders.getIfPresent(client.getId());
    if (cached != null && cached.keyRegistration().equals(keyRegistration)) {
      return cached.decoder();
    }
    JwtDecoder decoder = build(client);
    decoders.put(client.getId(), new KeyedDecoder(keyRegistration, decoder));
    return decoder;
  }

  /** What the decoder depends on: the client id, its inline JWK Set's JSON and its jwks_uri. */
  private static Object keyRegistration(RegisteredClient client) {
    return java.util.Arrays.asList(
        client.getClientId(),
        client.getClientSettings().getSetting(ClientKeySettings.INLINE_JWKS),
        client.getClientSettings().getJwkSetUrl());
  }

  private JwtDecoder build(RegisteredClient client) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keysOf(client)));
    // Claims are checked by ClientAssertionValidator, which names the rule an assertion breaks.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(
        new ClientAssertionValidator(
            client.getClientId(), ClientAssertionDecoderFactory::tokenEndpoint, settings, replays, clock));
    return decoder;
  }

  private JWKSource<SecurityContext> keysOf(RegisteredClient client) {
    try {
      JWKSet inline = ClientKeySettings.inlineJwks(client.getClientSettings());
      if (inline != null) {
        return ClientJwkSource.inline(inline);
      }
    } catch (ParseException e) {
      throw noKeys("the client's registered JWK Set cannot be read");
    }
    String jwksUri = client.getClientSettings().getJwkSetUrl();
    if (StringUtils.hasText(jwksUri)) {
      try {
        return ClientJwkSource.remote(new URI(jwksUri), remoteKeys);
      } catch (URISyntaxException e) {
        throw noKeys("the client's jwks_uri is not a URL");
      }
    }
    throw noKeys("the client has no registered keys (jwks or jwks_uri)");
  }

  private static OAuth2AuthenticationException noKeys(String description) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_CLIENT,
            "Client authentication failed: " + description,
            ClientAssertionValidator.ERROR_URI));
  }

  /** The token endpoint URL: the only {@code aud} a client assertion may carry (RFC 7523 §3). */
  static String tokenEndpoint() {
    AuthorizationServerContext context = AuthorizationServerContextHolder.getContext();
    return UriComponentsBuilder.fromUriString(context.getIssuer())
        .path(context.getAuthorizationServerSettings().getTokenEndpoint())
        .build()
        .toUriString();
  }
}
