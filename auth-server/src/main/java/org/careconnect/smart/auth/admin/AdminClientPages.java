package org.careconnect.smart.auth.admin;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page for clients: list, create (a secret shown once), delete; {@link AdminClients}. */
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
    List<String> uris = Arrays.stream(redirectUris.split("\\R")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    ClientRequest request =
        new ClientRequest(
            clientId, blankToNull(clientName), method, uris, scope, null, blankToNull(jwksUri), accessTokenLifetime, null);
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

  @PostMapping("/admin/clients/delete")
  String delete(@RequestParam("client_id") String clientId, RedirectAttributes flash) {
    return AdminPages.act(
        "/admin/clients", flash, () -> { clients.delete(clientId); return null; }, "Client " + clientId + " deleted");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
