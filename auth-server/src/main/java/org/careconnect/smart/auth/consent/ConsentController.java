package org.careconnect.smart.auth.consent;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.careconnect.smart.scope.InvalidScopeException;
import org.careconnect.smart.scope.NamedScope;
import org.careconnect.smart.scope.ScopeParser;
import org.careconnect.smart.scope.SmartScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The consent page (SMART 2.2 §authorization: the user approves, and may narrow, the scopes).
 * Spring Authorization Server redirects here with client_id, scope (already negotiated with the
 * client's allowed scopes) and state; the form posts back to the authorization endpoint with the
 * scopes left ticked. Granted = requested ∩ client-allowed ∩ user-approved. The consent state is
 * single-use, bound to the logged-in user and unguessable, so it is the form's CSRF token.
 */
@Controller
class ConsentController {

  /** One line of the page: a scope and its meaning in plain words. */
  record ScopeLine(String value, String description) {}

  private final RegisteredClientRepository clients;
  private final RememberedConsent consents;

  ConsentController(RegisteredClientRepository clients, RememberedConsent consents) {
    this.clients = clients;
    this.consents = consents;
  }

  @GetMapping("/oauth2/consent")
  String consent(
      Principal principal,
      Model model,
      @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
      @RequestParam(OAuth2ParameterNames.SCOPE) String scope,
      @RequestParam(OAuth2ParameterNames.STATE) String state) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    consents.forget(clientId, principal.getName());
    List<ScopeLine> choices = new ArrayList<>();
    boolean openid = false;
    for (String value : scope.split(" ")) {
      if (NamedScope.OPENID.value().equals(value)) {
        openid = true; // always granted with any other scope (OpenID Connect), so no checkbox
      } else if (!value.isBlank()) {
        choices.add(new ScopeLine(value, describe(value)));
      }
    }
    model.addAttribute("clientId", clientId);
    model.addAttribute("clientName", client.getClientName());
    model.addAttribute("state", state);
    model.addAttribute("scopes", choices);
    model.addAttribute("openid", openid);
    model.addAttribute("username", principal.getName());
    return "consent";
  }

  private static String describe(String value) {
    try {
      SmartScope parsed = ScopeParser.parse(value);
      return parsed.describe();
    } catch (InvalidScopeException e) {
      return value;
    }
  }
}
