package org.careconnect.smart.auth.client;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.List;

/**
 * The public keys of one client: its registered inline JWK Set, or the JWK Set at its {@code
 * jwks_uri} (SMART 2.2 §registering a client allows either). When no key matches an assertion's
 * header (a rotated key), the remote set is fetched again, rate-limited by {@link RemoteJwkSets}.
 */
final class ClientJwkSource implements JWKSource<SecurityContext> {

  private final JWKSet inline;
  private final URI jwksUri;
  private final RemoteJwkSets remote;

  private ClientJwkSource(JWKSet inline, URI jwksUri, RemoteJwkSets remote) {
    this.inline = inline;
    this.jwksUri = jwksUri;
    this.remote = remote;
  }

  static ClientJwkSource inline(JWKSet keys) {
    return new ClientJwkSource(keys.toPublicJWKSet(), null, null);
  }

  static ClientJwkSource remote(URI jwksUri, RemoteJwkSets remote) {
    return new ClientJwkSource(null, jwksUri, remote);
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    if (inline != null) {
      return selector.select(inline);
    }
    try {
      List<JWK> keys = selector.select(remote.get(jwksUri));
      return keys.isEmpty() ? selector.select(remote.refetch(jwksUri)) : keys;
    } catch (RemoteJwkSets.JwksUnavailableException e) {
      throw new KeySourceException(e.getMessage(), e);
    }
  }
}
