package org.careconnect.smart.auth.config;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;
import java.util.List;
import org.careconnect.smart.auth.launch.DemoLaunchShortcuts;
import org.careconnect.smart.auth.picker.PatientPickerStep;
import org.careconnect.smart.auth.token.NoStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenIntrospectionEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenRevocationEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Filter chain 1 of 3: Spring Authorization Server's endpoints (authorize, token, introspect,
 * revoke, JWKS, OpenID discovery, userinfo). Declaring our own chains switches Boot's default
 * chain off, so all three are declared here, in order: this one, {@link ApiSecurityConfig},
 * {@link LoginSecurityConfig}. Each feature package contributes its endpoint's customizer.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(
      HttpSecurity http,
      AuthServerProperties properties,
      Customizer<OAuth2AuthorizationEndpointConfigurer> authorizationEndpoint,
      Customizer<OAuth2TokenEndpointConfigurer> tokenEndpoint,
      Customizer<OAuth2ClientAuthenticationConfigurer> clientAuthentication,
      Customizer<OAuth2TokenIntrospectionEndpointConfigurer> introspectionEndpoint,
      Customizer<OAuth2TokenRevocationEndpointConfigurer> revocationEndpoint,
      DemoLaunchShortcuts demoLaunchShortcuts,
      PatientPickerStep patientPicker,
      List<Customizer<OAuth2AuthorizationServerConfigurer>> extensions)
      throws Exception {
    demoLaunchShortcuts.addTo(http); // skip_login of demo launches: signs in before the picker
    patientPicker.addTo(http);
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    OAuth2AuthorizationServerConfigurer server =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(
            server,
            as -> {
              as.oidc(withDefaults())
                  .authorizationEndpoint(authorizationEndpoint)
                  .tokenEndpoint(tokenEndpoint)
                  .clientAuthentication(clientAuthentication)
                  .tokenIntrospectionEndpoint(introspectionEndpoint)
                  .tokenRevocationEndpoint(revocationEndpoint);
              // features spanning several endpoints (client/AsymmetricClientConfig, BackendServicesConfig)
              extensions.forEach(extension -> extension.customize(as));
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // An authorization request from a browser that has no session yet goes to the login
        // page (whatever its Accept header); it comes back here after login.
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        paths.matcher("/oauth2/authorize"))
                    .defaultAuthenticationEntryPointFor(
                        NoStore.unauthenticatedClient(),
                        new OrRequestMatcher(
                            paths.matcher("/oauth2/token"),
                            paths.matcher("/oauth2/introspect"),
                            paths.matcher("/oauth2/revoke"))))
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
        .cors(withDefaults())
        .headers(headers -> BrowserFraming.allowLauncherOnly(headers, properties));
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
