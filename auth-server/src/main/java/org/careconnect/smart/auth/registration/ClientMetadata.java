package org.careconnect.smart.auth.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client metadata of a registration or update request (RFC 7591 §2), read from its JSON with
 * the types the RFC gives each field. Unknown fields are ignored, as RFC 7591 §2 requires.
 * Defaults are RFC 7591's: {@code token_endpoint_auth_method} {@code client_secret_basic}, {@code
 * grant_types} {@code authorization_code}; {@code responseTypes} is null when absent (RFC 7591
 * defaults it to {@code code}, which only fits the authorization_code grant).
 */
record ClientMetadata(
    List<String> redirectUris,
    String tokenEndpointAuthMethod,
    List<String> grantTypes,
    List<String> responseTypes,
    String clientName,
    String scope,
    String jwksUri,
    Map<String, Object> jwks,
    Map<String, Object> informational) {

  private static final int MAX_TEXT = 2000;

  /**
   * Informational metadata, stored as given and returned on read (RFC 7591 §2): never fetched by
   * this server; URL fields are checked by the outbound URL policy.
   */
  static final List<String> URL_FIELDS = List.of("client_uri", "logo_uri", "tos_uri", "policy_uri");

  private static final List<String> TEXT_FIELDS = List.of("software_id", "software_version");

  static ClientMetadata read(Map<String, Object> json) {
    Map<String, Object> informational = new LinkedHashMap<>();
    for (String field : URL_FIELDS) {
      putIfPresent(informational, field, text(json, field));
    }
    for (String field : TEXT_FIELDS) {
      putIfPresent(informational, field, text(json, field));
    }
    List<String> contacts = texts(json, "contacts", List.of());
    if (!contacts.isEmpty()) {
      informational.put("contacts", contacts);
    }
    String method = text(json, "token_endpoint_auth_method");
    return new ClientMetadata(
        texts(json, "redirect_uris", List.of()),
        method == null ? "client_secret_basic" : method,
        texts(json, "grant_types", List.of("authorization_code")),
        texts(json, "response_types", null),
        text(json, "client_name"),
        text(json, "scope"),
        text(json, "jwks_uri"),
        object(json, "jwks"),
        informational);
  }

  private static void putIfPresent(Map<String, Object> map, String field, String value) {
    if (value != null) {
      map.put(field, value);
    }
  }

  private static String text(Map<String, Object> json, String field) {
    Object value = json.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
      throw RegistrationException.invalidMetadata(field + " must be a non-empty string");
    }
    return text;
  }

  private static List<String> texts(Map<String, Object> json, String field, List<String> absent) {
    Object value = json.get(field);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof List<?> list) || list.size() > 20) {
      throw RegistrationException.invalidMetadata(field + " must be an array of at most 20 strings");
    }
    List<String> texts = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
        throw RegistrationException.invalidMetadata(field + " must be an array of non-empty strings");
      }
      if (!texts.contains(text)) {
        texts.add(text);
      }
    }
    return List.copyOf(texts);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> json, String field) {
    Object value = json.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw RegistrationException.invalidMetadata(field + " must be a JSON object");
    }
    return (Map<String, Object>) map;
  }
}
