package org.careconnect.smart.auth.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.careconnect.smart.auth.account.Approvals;
import org.careconnect.smart.auth.client.BackendClients;
import org.careconnect.smart.auth.client.CachedRegisteredClients;
import org.careconnect.smart.auth.client.SmartClients;
import org.careconnect.smart.auth.discovery.SupportedScopes;
import org.careconnect.smart.auth.key.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/** The admin services, shared by the admin API and the admin pages. */
@Configuration(proxyBeanMethods = false)
class AdminConfig {

  /**
   * Custom scopes an admin may give a client: the restricted ones dynamic registration holds back
   * (the EHR launch API's {@code careconnect/launch}; registration/RegistrationProperties).
   */
  @Bean
  ScopeCatalog scopeCatalog(
      @Value("${careconnect.registration.restricted-scopes}") List<String> custom) {
    Set<String> supported = new LinkedHashSet<>(SupportedScopes.SCOPES_SUPPORTED);
    return new ScopeCatalog(List.copyOf(supported), List.copyOf(custom));
  }

  @Bean
  AdminClients adminClients(
      CachedRegisteredClients repository,
      SmartClients smartClients,
      BackendClients backendClients,
      PasswordEncoder encoder,
      JdbcTemplate jdbc,
      Approvals approvals,
      ScopeCatalog scopes) {
    return new AdminClients(
        repository, smartClients, backendClients, encoder, jdbc, approvals,
        new ClientRules(Set.copyOf(scopes.custom())));
  }

  @Bean
  ActiveTokens activeTokens(JdbcTemplate jdbc, OAuth2AuthorizationService authorizations) {
    return new ActiveTokens(jdbc, authorizations);
  }

  @Bean
  KeyInventory keyInventory(JdbcTemplate jdbc, SigningKeys keys) {
    return new KeyInventory(jdbc, keys);
  }
}
