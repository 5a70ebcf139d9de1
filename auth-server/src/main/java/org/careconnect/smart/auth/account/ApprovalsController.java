package org.careconnect.smart.auth.account;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Self-service: a logged-in person sees the apps they approved and revokes them. Only ever the
 * caller's own approvals: the username comes from the session, never from the request, so no
 * form can name another user.
 */
@Controller
class ApprovalsController {

  /** e.g. "25 November 2026 16:04", in UTC (the page says so). */
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

  private final Approvals approvals;

  ApprovalsController(Approvals approvals) {
    this.approvals = approvals;
  }

  @GetMapping("/account/approvals")
  String list(Principal user, Model model) {
    model.addAttribute("approvals", approvals.ofUser(user.getName()));
    model.addAttribute("username", user.getName());
    model.addAttribute("when", WHEN);
    return "account/approvals";
  }

  @PostMapping("/account/approvals/revoke")
  String revoke(Principal user, @RequestParam("client_id") String clientId) {
    try {
      approvals.revoke(user.getName(), clientId);
    } catch (RequestRefused e) {
      return "redirect:/account/approvals?unknown";
    }
    return "redirect:/account/approvals?revoked";
  }
}
