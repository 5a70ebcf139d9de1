package org.careconnect.smart.auth.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careconnect.smart.auth.client.ClientKeySettings;
import org.careconnect.smart.auth.client.DisallowedUrlException;
import org.careconnect.smart.auth.client.OutboundUrlPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The rules registered client metadata must follow (RFC 7591 §2, SMART App Launch 2.2 §client
 * authentication): a supported authentication method, grant types that fit it and each other,
 * safe redirect URIs, keys for {@code private_key_jwt}, and no URL pointing to an internal address.
 * Refusals are {@code invalid_client_metadata} or {@code invalid_redirect_uri} (RFC 7591 §3.2.2).
 */
final class ClientMetadataRules {

  static final Map<String, ClientAuthenticationMethod> METHODS =
      Map.of(
          "none", ClientAuthenticationMethod.NONE,
          "client_secret_basic", ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
          "client_secret_post", ClientAuthenticationMethod.CLIENT_SECRET_POST,
          "private_key_jwt", ClientAuthenticationMethod.PRIVATE_KEY_JWT);

  static final Map<String, AuthorizationGrantType> GRANT_TYPES =
      Map.of(
          "authorization_code", AuthorizationGrantType.AUTHORIZATION_CODE,
          "refresh_token", AuthorizationGrantType.REFRESH_TOKEN,
          "client_credentials", AuthorizationGrantType.CLIENT_CREDENTIALS);

  private final RedirectUriRules redirectUris;
  private final OutboundUrlPolicy urls;

  ClientMetadataRules(RedirectUriRules redirectUris, OutboundUrlPolicy urls) {
    this.redirectUris = redirectUris;
    this.urls = urls;
  }

  /** Checks {@code metadata}; throws {@link RegistrationException} naming the first broken rule. */
  void check(ClientMetadata metadata) {
    ClientAuthenticationMethod method = METHODS.get(metadata.tokenEndpointAuthMethod());
    if (method == null) {
      throw RegistrationException.invalidMetadata(
          "token_endpoint_auth_method must be one of none, client_secret_basic,"
              + " client_secret_post, private_key_jwt");
    }
    Set<AuthorizationGrantType> grants = grantTypes(metadata.grantTypes());
    boolean code = grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE);
    if (grants.contains(AuthorizationGrantType.REFRESH_TOKEN) && !code) {
      throw RegistrationException.invalidMetadata("refresh_token needs the authorization_code grant");
    }
    if (grants.contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
        && !ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method)) {
      // SMART 2.2 §backend services: backend clients authenticate with private_key_jwt.
      throw RegistrationException.invalidMetadata("client_credentials needs private_key_jwt");
    }
    List<String> responseTypes = metadata.responseTypes();
    if (code && responseTypes != null && !responseTypes.equals(List.of("code"))) {
      throw RegistrationException.invalidMetadata("response_types must be [\"code\"]");
    }
    if (!code && responseTypes != null && !responseTypes.isEmpty()) {
      throw RegistrationException.invalidMetadata("response_types need the authorization_code grant");
    }
    if (code && metadata.redirectUris().isEmpty()) {
      throw RegistrationException.invalidRedirectUri("redirect_uris are required for authorization_code");
    }
    boolean publicClient = ClientAuthenticationMethod.NONE.equals(method);
    metadata.redirectUris().forEach(uri -> redirectUris.check(uri, publicClient));
    checkKeys(metadata, method);
    for (String field : ClientMetadata.URL_FIELDS) {
      if (metadata.informational().get(field) instanceof String url) {
        checkUrl(field, url);
      }
    }
  }

  private static Set<AuthorizationGrantType> grantTypes(List<String> names) {
    if (names.isEmpty()) {
      throw RegistrationException.invalidMetadata("grant_types must not be empty");
    }
    Set<AuthorizationGrantType> grants = new LinkedHashSet<>();
    for (String name : names) {
      AuthorizationGrantType grant = GRANT_TYPES.get(name);
      if (grant == null) {
        throw RegistrationException.invalidMetadata(
            "grant_types may hold authorization_code, refresh_token and client_credentials, not " + name);
      }
      grants.add(grant);
    }
    return grants;
  }

  private void checkKeys(ClientMetadata metadata, ClientAuthenticationMethod method) {
    boolean privateKeyJwt = ClientAuthenticationMethod.PRIVATE_KEY_JWT.equals(method);
    if (metadata.jwks() != null && metadata.jwksUri() != null) {
      // RFC 7591 §2: "The jwks_uri and jwks parameters MUST NOT both be present".
      throw RegistrationException.invalidMetadata("give jwks or jwks_uri, not both");
    }
    if (privateKeyJwt && metadata.jwks() == null && metadata.jwksUri() == null) {
      throw RegistrationException.invalidMetadata("private_key_jwt needs jwks or jwks_uri");
    }
    if (metadata.jwks() != null) {
      try {
        ClientKeySettings.parsePublic(metadata.jwks());
      } catch (ParseException e) {
        throw RegistrationException.invalidMetadata("jwks is not a usable JWK Set: " + e.getMessage());
      }
    }
    if (metadata.jwksUri() != null) {
      checkUrl("jwks_uri", metadata.jwksUri());
    }
  }

  private void checkUrl(String field, String value) {
    try {
      urls.check(field, new URI(value));
    } catch (URISyntaxException e) {
      throw RegistrationException.invalidMetadata(field + " is not a URL");
    } catch (DisallowedUrlException e) {
      throw RegistrationException.invalidMetadata(e.getMessage());
    }
  }
}
