package org.careconnect.smart.auth.client;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Where a client's public keys are kept: an inline JWK Set as JSON in a client setting (SAS has
 * no place for one; its {@code jwk-set-url} setting holds a {@code jwks_uri}).
 */
public final class ClientKeySettings {

  /** Client setting holding the client's inline JWK Set (public keys only), as JSON. */
  public static final String INLINE_JWKS = "settings.client.careconnect.jwks";

  private ClientKeySettings() {}

  /** Parses a JWK Set given as a JSON object; refuses an empty set and private keys. */
  public static JWKSet parsePublic(Map<String, Object> jwks) throws ParseException {
    JWKSet keys = JWKSet.parse(jwks);
    if (keys.getKeys().isEmpty()) {
      throw new ParseException("the JWK Set has no keys", 0);
    }
    if (keys.getKeys().stream().anyMatch(key -> key.isPrivate())) {
      throw new ParseException("the JWK Set holds a private key", 0);
    }
    return keys;
  }

  /** The inline JWK Set of a client, or null when it has none. */
  static JWKSet inlineJwks(ClientSettings settings) throws ParseException {
    Object json = settings.getSetting(INLINE_JWKS);
    return json instanceof String text && !text.isBlank() ? JWKSet.parse(text) : null;
  }
}
