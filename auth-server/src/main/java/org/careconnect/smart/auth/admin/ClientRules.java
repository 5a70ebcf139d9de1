package org.careconnect.smart.auth.admin;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.careconnect.smart.auth.account.RequestRefused;
import org.careconnect.smart.auth.client.ClientKeySettings;
import org.careconnect.smart.scope.CustomScope;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.ScopeSet;
import org.careconnect.smart.scope.SmartScope;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The rules an admin-made client follows; each refusal is a 400 naming the field. An admin is
 * trusted with restricted scopes ({@code system/*}, {@code careconnect/launch}) and with http
 * redirect URIs of a test machine, but not with what breaks the protocol: a redirect URI with a
 * fragment (RFC 6749 §3.1.2) or user information, an unknown authentication method, an access
 * token living over an hour (issue 3: "at most 1 hour"), a private key in a JWK Set.
 */
final class ClientRules {

  static final Map<String, ClientAuthenticationMethod> METHODS =
      Map.of(
          "none", ClientAuthenticationMethod.NONE,
          "client_secret_basic", ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
          "client_secret_post", ClientAuthenticationMethod.CLIENT_SECRET_POST,
          "private_key_jwt", ClientAuthenticationMethod.PRIVATE_KEY_JWT);

  static final Duration MAX_ACCESS_TOKEN = Duration.ofHours(1);
  static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
  static final Duration MAX_REFRESH_TOKEN = Duration.ofDays(365);
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{3,100}");

  private final Set<String> customScopes;

  ClientRules(Set<String> customScopes) {
    this.customScopes = Set.copyOf(customScopes);
  }

  static String clientId(String value) {
    if (value == null || !CLIENT_ID.matcher(value).matches()) {
      throw RequestRefused.invalid("client_id", "client_id must be 3-100 of A-Z a-z 0-9 . _ ~ -");
    }
    return value;
  }

  static ClientAuthenticationMethod method(String value) {
    ClientAuthenticationMethod method = value == null ? null : METHODS.get(value);
    if (method == null) {
      throw RequestRefused.invalid(
          "token_endpoint_auth_method",
          "token_endpoint_auth_method must be one of none, client_secret_basic, client_secret_post,"
              + " private_key_jwt");
    }
    return method;
  }

  static List<String> redirectUris(List<String> values, boolean backend) {
    if (values.isEmpty() && !backend) {
      throw RequestRefused.invalid("redirect_uris", "redirect_uris are required (authorization code flow)");
    }
    for (String value : values) {
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException | NullPointerException e) {
        throw RequestRefused.invalid("redirect_uris", "not a URI: " + value);
      }
      if (!uri.isAbsolute()) {
        throw RequestRefused.invalid("redirect_uris", "redirect URI must be absolute: " + value);
      }
      if (uri.getRawFragment() != null) {
        throw RequestRefused.invalid(
            "redirect_uris", "redirect URI must not have a fragment (RFC 6749 §3.1.2): " + value);
      }
      if (uri.getRawUserInfo() != null) {
        throw RequestRefused.invalid("redirect_uris", "redirect URI must not have user information: " + value);
      }
    }
    return List.copyOf(values);
  }

  /** SMART scopes by the shared grammar, and only the custom scopes this server knows. */
  Set<String> scopes(String value) {
    ScopeSet parsed;
    try {
      parsed = ScopeSet.parse(value == null ? "" : value);
    } catch (InvalidScopeException e) {
      throw RequestRefused.invalid("scope", e.getMessage());
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (SmartScope scope : parsed.scopes()) {
      if (scope instanceof CustomScope && !customScopes.contains(scope.value())) {
        throw RequestRefused.invalid("scope", "unknown scope " + scope.value());
      }
      scopes.add(scope.value());
    }
    if (scopes.isEmpty()) {
      throw RequestRefused.invalid("scope", "scope must name at least one scope");
    }
    return scopes;
  }

  static Duration accessTokenLifetime(long seconds) {
    return lifetime("access_token_lifetime", seconds, MAX_ACCESS_TOKEN, "60 to 3600 seconds (at most 1 hour)");
  }

  static Duration refreshTokenLifetime(long seconds) {
    return lifetime("refresh_token_lifetime", seconds, MAX_REFRESH_TOKEN, "60 seconds to 365 days");
  }

  private static Duration lifetime(String field, long seconds, Duration max, String range) {
    Duration lifetime = Duration.ofSeconds(seconds);
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(max) > 0) {
      throw RequestRefused.invalid(field, field + " must be " + range);
    }
    return lifetime;
  }

  /** An inline JWK Set of public keys, or null. */
  static JWKSet jwks(Map<String, Object> jwks) {
    if (jwks == null) {
      return null;
    }
    try {
      return ClientKeySettings.parsePublic(jwks);
    } catch (ParseException e) {
      throw RequestRefused.invalid("jwks", "jwks is not a usable JWK Set: " + e.getMessage());
    }
  }

  static String jwksUri(String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawFragment() == null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw RequestRefused.invalid("jwks_uri", "jwks_uri must be an https URL");
  }

  static void keys(ClientAuthenticationMethod method, JWKSet jwks, String jwksUri) {
    if (jwks != null && jwksUri != null) {
      throw RequestRefused.invalid("jwks", "give jwks or jwks_uri, not both (RFC 7591 §2)");
    }
    if (ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method) && jwks == null && jwksUri == null) {
      throw RequestRefused.invalid("jwks", "private_key_jwt needs jwks or jwks_uri");
    }
  }
}
