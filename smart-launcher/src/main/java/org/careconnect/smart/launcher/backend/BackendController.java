package org.careconnect.smart.launcher.backend;

import org.careconnect.smart.launcher.LauncherProperties;
import org.careconnect.smart.launcher.fhir.SystemToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The backend-service "launch": no app and no user. The page explains SMART backend services and
 * the script that gets a token; its form (CSRF) runs the launcher's own client_credentials
 * request and shows what was granted and for how long.
 */
@Controller
class BackendController {

  private final SystemToken token;
  private final LauncherProperties properties;

  BackendController(SystemToken token, LauncherProperties properties) {
    this.token = token;
    this.properties = properties;
  }

  @GetMapping("/backend")
  String page(Model model) {
    model.addAttribute("tokenEndpoint", properties.authBase() + "/oauth2/token");
    model.addAttribute("scope", SystemToken.SCOPE);
    return "backend";
  }

  @PostMapping("/backend")
  String requestToken(Model model) {
    SystemToken.Grant grant = token.request();
    model.addAttribute("grant", grant);
    // Enough to recognise the token, not enough to use it from a screenshot.
    model.addAttribute("tokenStart", grant.accessToken().substring(0, Math.min(24, grant.accessToken().length())));
    return page(model);
  }
}
