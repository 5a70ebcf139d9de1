package org.careconnect.smart.auth.launch;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The demo profile's launcher client {@code smart-launcher}: it may call {@code POST /api/launch}
 * (scope {@value LaunchApiSecurityConfig#API_SCOPE}) with HTTP Basic and its demo secret, and
 * nothing else. Created only when absent.
 */
@Component
@Profile("demo")
class LauncherDemoClient implements ApplicationRunner {

  static final String CLIENT_ID = "smart-launcher";
  private static final Logger log = LoggerFactory.getLogger(LauncherDemoClient.class);

  private final RegisteredClientRepository clients;
  private final PasswordEncoder encoder;
  private final String secret;

  LauncherDemoClient(
      RegisteredClientRepository clients,
      PasswordEncoder encoder,
      @Value("${careconnect.auth.demo.launcher-client-secret}") String secret) {
    this.clients = clients;
    this.encoder = encoder;
    this.secret = secret;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (clients.findByClientId(CLIENT_ID) != null) {
      return;
    }
    clients.save(
        RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(CLIENT_ID)
            .clientName("CareConnect SMART launcher")
            .clientSecret(encoder.encode(secret))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            // A registration needs a grant type; client_credentials with only the launch API
            // scope yields a token that opens no FHIR data.
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(LaunchApiSecurityConfig.API_SCOPE)
            .build());
    log.info("Demo client {} created", CLIENT_ID);
  }
}
