package org.careconnect.smart.auth.admin;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages for clients: list, create (a secret shown once), edit (redirect URIs, scopes
 * including restricted ones, authentication method, JWK Set URL, lifetimes), delete; all through
 * {@link AdminClients}, as the API.
 */
@Controller
class AdminClientPages {

  private final AdminClients clients;

  AdminClientPages(AdminClients clients) {
    this.clients = clients;
  }

  @GetMapping("/admin/clients")
  String list(Model model) {
    model.addAttribute("clients", clients.list());
    return "admin/clients";
  }

  @PostMapping("/admin/clients")
  String create(
      @RequestParam("client_id") String clientId,
      @RequestParam(name = "client_name", required = false) String clientName,
      @RequestParam("token_endpoint_auth_method") String method,
      @RequestParam(name = "redirect_uris", defaultValue = "") String redirectUris,
      @RequestParam(defaultValue = "") String scope,
      @RequestParam(name = "jwks_uri", required = false) String jwksUri,
      @RequestParam(name = "access_token_lifetime", defaultValue = "3600") long accessTokenLifetime,
      RedirectAttributes flash) {
    ClientRequest request =
        new ClientRequest(
            clientId, blankToNull(clientName), method, lines(redirectUris), scope, null, blankToNull(jwksUri), accessTokenLifetime, null);
    return AdminPages.act(
        "/admin/clients",
        flash,
        () -> {
          ClientView created = clients.create(request);
          if (created.clientSecret() != null) {
            flash.addFlashAttribute("secret", created.clientSecret());
            flash.addFlashAttribute("secretClient", created.clientId());
          }
          return created;
        },
        "Client " + clientId + " created");
  }

  @GetMapping("/admin/clients/{clientId}")
  String edit(@PathVariable String clientId, Model model) {
    ClientView client = clients.get(clientId);
    model.addAttribute("client", client);
    model.addAttribute("redirectUriLines", String.join("\n", client.redirectUris()));
    return "admin/client";
  }

  /** The edit form sends every field but the inline JWK Set; an empty JWK Set URL keeps the client's keys. */
  @PostMapping("/admin/clients/{clientId}")
  String update(
      @PathVariable String clientId,
      @RequestParam(name = "client_name", required = false) String clientName,
      @RequestParam("token_endpoint_auth_method") String method,
      @RequestParam(name = "redirect_uris", defaultValue = "") String redirectUris,
      @RequestParam(defaultValue = "") String scope,
      @RequestParam(name = "jwks_uri", required = false) String jwksUri,
      @RequestParam(name = "access_token_lifetime") long accessTokenLifetime,
      @RequestParam(name = "refresh_token_lifetime") long refreshTokenLifetime,
      RedirectAttributes flash) {
    ClientRequest change =
        new ClientRequest(
            clientId, blankToNull(clientName), method, lines(redirectUris), scope, null, blankToNull(jwksUri),
            accessTokenLifetime, refreshTokenLifetime);
    return AdminPages.act(
        "/admin/clients/" + clientId,
        flash,
        () -> {
          ClientView updated = clients.update(clientId, change);
          if (updated.clientSecret() != null) {
            flash.addFlashAttribute("secret", updated.clientSecret());
            flash.addFlashAttribute("secretClient", clientId);
          }
          return updated;
        },
        "Client " + clientId + " saved");
  }

  @PostMapping("/admin/clients/delete")
  String delete(@RequestParam("client_id") String clientId, RedirectAttributes flash) {
    return AdminPages.act(
        "/admin/clients", flash, () -> { clients.delete(clientId); return null; }, "Client " + clientId + " deleted");
  }

  /** One redirect URI per line of a text area. */
  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(u -> !u.isEmpty()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
