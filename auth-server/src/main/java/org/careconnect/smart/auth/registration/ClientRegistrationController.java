package org.careconnect.smart.auth.registration;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.careconnect.smart.auth.config.AuthServerProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dynamic client registration: RFC 7591 ({@code POST /register}) and the client configuration
 * endpoint of RFC 7592 ({@code GET/PUT/DELETE /register/{client_id}} with the registration access
 * token).
 *
 * <p>A small controller rather than SAS's OIDC client registration endpoint: SAS 1.5 implements
 * only OpenID Connect registration (POST and GET), always demands an initial access token with
 * the {@code client.create} scope (no open registration), has no update or delete (RFC 7592), and
 * would need its validators replaced anyway for SMART's rules (private-use redirect schemes,
 * restricted scopes, internal-address checks).
 */
@RestController
class ClientRegistrationController {

  static final String PATH = "/register";

  private final DynamicClients clients;
  private final RegistrationProperties properties;
  private final String issuer;

  ClientRegistrationController(
      DynamicClients clients, RegistrationProperties properties, AuthServerProperties server) {
    this.clients = clients;
    this.properties = properties;
    this.issuer = server.issuer();
  }

  /** RFC 7591 §3.1; 201 with the client information response (§3.2.1). */
  @PostMapping(PATH)
  ResponseEntity<Map<String, Object>> register(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody Map<String, Object> metadata) {
    checkInitialAccessToken(authorization);
    DynamicClients.Issued issued = clients.register(metadata);
    URI location = URI.create(clientUri(issued.client().getClientId()));
    return ResponseEntity.created(location)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(response(issued));
  }

  /** RFC 7592 §2.1. */
  @GetMapping(PATH + "/{clientId}")
  ResponseEntity<Map<String, Object>> read(
      @PathVariable String clientId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    return ok(clients.read(clientId, bearer(authorization)));
  }

  /** RFC 7592 §2.2. */
  @PutMapping(PATH + "/{clientId}")
  ResponseEntity<Map<String, Object>> update(
      @PathVariable String clientId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody Map<String, Object> metadata) {
    return ok(clients.update(clientId, bearer(authorization), metadata));
  }

  /** RFC 7592 §2.3: 204 No Content. */
  @DeleteMapping(PATH + "/{clientId}")
  ResponseEntity<Void> delete(
      @PathVariable String clientId,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    clients.delete(clientId, bearer(authorization));
    return ResponseEntity.status(HttpStatus.NO_CONTENT).cacheControl(CacheControl.noStore()).build();
  }

  private ResponseEntity<Map<String, Object>> ok(DynamicClients.Issued issued) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(response(issued));
  }

  private Map<String, Object> response(DynamicClients.Issued issued) {
    return RegistrationResponse.of(
        issued.client(),
        issued.registration(),
        issued.secret(),
        issued.token(),
        clientUri(issued.client().getClientId()));
  }

  private String clientUri(String clientId) {
    return issuer + PATH + "/" + clientId;
  }

  /** RFC 7591 §3: open registration, or a bearer initial access token. */
  private void checkInitialAccessToken(String authorization) {
    if (properties.open()) {
      return;
    }
    String expected = properties.initialAccessToken();
    String presented = bearer(authorization);
    if (expected.isEmpty()
        || presented == null
        || !MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw RegistrationException.invalidToken("registration needs a valid initial access token");
    }
  }

  /** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1), or null. */
  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
