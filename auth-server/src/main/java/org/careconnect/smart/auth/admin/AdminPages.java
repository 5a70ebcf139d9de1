package org.careconnect.smart.auth.admin;

import java.util.function.Supplier;
import org.careconnect.smart.auth.account.Approvals;
import org.careconnect.smart.auth.account.RequestRefused;
import org.careconnect.smart.auth.account.UserDirectory;
import org.careconnect.smart.auth.account.UserDirectory.UserChange;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages for users, consents, tokens and keys (clients: {@link AdminClientPages}). Each
 * form posts, calls the same service as the admin API, and redirects back with a message
 * (post/redirect/get), so a reload never repeats an action.
 */
@Controller
class AdminPages {

  private final UserDirectory users;
  private final Approvals approvals;
  private final ActiveTokens tokens;
  private final KeyInventory keys;

  AdminPages(UserDirectory users, Approvals approvals, ActiveTokens tokens, KeyInventory keys) {
    this.users = users;
    this.approvals = approvals;
    this.tokens = tokens;
    this.keys = keys;
  }

  @GetMapping("/admin")
  String home() {
    return "redirect:/admin/clients";
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("users", users.list());
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String addUser(
      @RequestParam String username,
      @RequestParam String password,
      @RequestParam String kind,
      @RequestParam("fhir_user") String fhirUser,
      @RequestParam(name = "display_name", required = false) String displayName,
      @RequestParam(required = false) boolean admin,
      RedirectAttributes flash) {
    String display = displayName == null || displayName.isBlank() ? null : displayName;
    return act(
        "/admin/users",
        flash,
        () -> users.create(new UserChange(username, password, kind, fhirUser, display, true, admin)),
        "User " + username + " added");
  }

  @GetMapping("/admin/users/{username}")
  String editUser(@PathVariable String username, Model model) {
    model.addAttribute("user", users.get(username));
    return "admin/user";
  }

  /** Role, FHIR identity, name; a new password only when one is typed. */
  @PostMapping("/admin/users/{username}")
  String updateUser(
      @PathVariable String username,
      @RequestParam String kind,
      @RequestParam("fhir_user") String fhirUser,
      @RequestParam(name = "display_name", required = false) String displayName,
      @RequestParam(name = "password", required = false) String password,
      @RequestParam(required = false) boolean admin,
      RedirectAttributes flash) {
    UserChange change =
        new UserChange(
            null, password == null || password.isEmpty() ? null : password, kind, fhirUser,
            displayName == null || displayName.isBlank() ? null : displayName, null, admin);
    return act("/admin/users/" + username, flash, () -> users.update(username, change), "User " + username + " saved");
  }

  @PostMapping("/admin/users/enabled")
  String enable(@RequestParam String username, @RequestParam boolean enabled, RedirectAttributes flash) {
    return act(
        "/admin/users",
        flash,
        () -> users.update(username, new UserChange(null, null, null, null, null, enabled, null)),
        "User " + username + (enabled ? " enabled" : " disabled"));
  }

  @PostMapping("/admin/users/delete")
  String deleteUser(@RequestParam String username, RedirectAttributes flash) {
    return act("/admin/users", flash, () -> { users.delete(username); return null; }, "User " + username + " deleted");
  }

  @GetMapping("/admin/consents")
  String consents(Model model) {
    model.addAttribute("approvals", approvals.all());
    return "admin/consents";
  }

  @PostMapping("/admin/consents/revoke")
  String revokeConsent(
      @RequestParam String username, @RequestParam("client_id") String clientId, RedirectAttributes flash) {
    return act(
        "/admin/consents",
        flash,
        () -> { approvals.revoke(username, clientId); return null; },
        "Approval of " + clientId + " by " + username + " revoked");
  }

  @GetMapping("/admin/tokens")
  String tokens(Model model) {
    model.addAttribute("tokens", tokens.list());
    return "admin/tokens";
  }

  @PostMapping("/admin/tokens/revoke")
  String revokeToken(@RequestParam String id, RedirectAttributes flash) {
    return act("/admin/tokens", flash, () -> { tokens.revoke(id); return null; }, "Token revoked");
  }

  @GetMapping("/admin/keys")
  String keys(Model model) {
    model.addAttribute("keys", keys.list());
    return "admin/keys";
  }

  @PostMapping("/admin/keys/rotate")
  String rotate(RedirectAttributes flash) {
    return act("/admin/keys", flash, () -> keys.rotate(), "New keys sign now");
  }

  /** Runs an action; its refusal becomes the page's error message, naming the field. */
  static String act(String page, RedirectAttributes flash, Supplier<?> action, String done) {
    try {
      action.get();
      flash.addFlashAttribute("done", done);
    } catch (RequestRefused e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("field", e.field());
    }
    return "redirect:" + page;
  }
}
