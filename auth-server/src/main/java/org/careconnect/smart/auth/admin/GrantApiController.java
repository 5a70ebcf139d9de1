package org.careconnect.smart.auth.admin;

import java.util.List;
import java.util.Map;
import org.careconnect.smart.auth.account.Approvals;
import org.careconnect.smart.auth.account.Approvals.Approval;
import org.careconnect.smart.auth.account.Approvals.ScopeLine;
import org.careconnect.smart.auth.account.RequestRefused;
import org.careconnect.smart.auth.admin.ActiveTokens.TokenView;
import org.careconnect.smart.auth.admin.KeyInventory.KeyView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What has been granted and what signs it: {@code /api/admin/scopes}, {@code /consents},
 * {@code /tokens}, {@code /keys}.
 */
@AdminApi
@RestController
class GrantApiController {

  private final Approvals approvals;
  private final ActiveTokens tokens;
  private final KeyInventory keys;
  private final ScopeCatalog scopes;

  GrantApiController(Approvals approvals, ActiveTokens tokens, KeyInventory keys, ScopeCatalog scopes) {
    this.approvals = approvals;
    this.tokens = tokens;
    this.keys = keys;
    this.scopes = scopes;
  }

  @GetMapping("/api/admin/scopes")
  Map<String, List<ScopeLine>> scopes() {
    return scopes.describe();
  }

  /** By user ({@code ?username=}) or client ({@code ?client_id=}); all without either. */
  @GetMapping("/api/admin/consents")
  List<Approval> consents(
      @RequestParam(required = false) String username,
      @RequestParam(name = "client_id", required = false) String clientId) {
    if (username != null && clientId != null) {
      throw RequestRefused.invalid("username", "give username or client_id, not both");
    }
    if (username != null) {
      return approvals.ofUser(username);
    }
    return clientId != null ? approvals.ofClient(clientId) : approvals.all();
  }

  @DeleteMapping("/api/admin/consents")
  ResponseEntity<Void> revokeConsent(
      @RequestParam(required = false) String username,
      @RequestParam(name = "client_id", required = false) String clientId) {
    if (username == null || clientId == null) {
      throw RequestRefused.invalid(username == null ? "username" : "client_id", "username and client_id are required");
    }
    approvals.revoke(username, clientId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/admin/tokens")
  List<TokenView> tokens() {
    return tokens.list();
  }

  @DeleteMapping("/api/admin/tokens/{id}")
  ResponseEntity<Void> revokeToken(@PathVariable String id) {
    tokens.revoke(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/admin/keys")
  List<KeyView> keys() {
    return keys.list();
  }

  @PostMapping("/api/admin/keys/rotate")
  ResponseEntity<Map<String, Map<String, String>>> rotate() {
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("kids", keys.rotate()));
  }
}
