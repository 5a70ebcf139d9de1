package org.careconnect.smart.auth.consent;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * "Remember this decision". Spring Authorization Server stores every consent it is given and
 * skips the consent page while the stored consent covers a request. So: a decision not to be
 * remembered is removed right after the code is issued, and when the consent page is shown (the
 * stored decision did not cover the request) the old decision is dropped, so the new answer,
 * including cleared boxes, replaces it rather than adding to it.
 */
public class RememberedConsent {

  static final String REMEMBER = "remember";
  private final OAuth2AuthorizationConsentService consents;
  private final RegisteredClientRepository clients;

  RememberedConsent(OAuth2AuthorizationConsentService consents, RegisteredClientRepository clients) {
    this.consents = consents;
    this.clients = clients;
  }

  public void forgetUnlessRemembered(HttpServletRequest request, String clientId, String principal) {
    if (!"true".equals(request.getParameter(REMEMBER))) {
      forget(clientId, principal);
    }
  }

  void forget(String clientId, String principal) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null) {
      return;
    }
    OAuth2AuthorizationConsent stored = consents.findById(client.getId(), principal);
    if (stored != null) {
      consents.remove(stored);
    }
  }
}
