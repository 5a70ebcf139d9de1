package org.careconnect.smart.auth.authorize;

import org.careconnect.smart.auth.config.AuthServerProperties;
import org.careconnect.smart.auth.consent.RememberedConsent;
import org.careconnect.smart.auth.launch.DemoLaunchShortcuts;
import org.careconnect.smart.auth.launch.EhrLaunchValidator;
import org.careconnect.smart.auth.launch.LaunchContextBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;

/**
 * The authorization endpoint (RFC 6749 §3.1, GET and POST) with the SMART rules, each through a
 * published hook of Spring Authorization Server:
 *
 * <ul>
 *   <li>redirect_uri: Spring's validator, i.e. exact string match, except loopback IP redirects
 *       ({@code http://127.0.0.1} and {@code http://[::1]}) whose port may vary (RFC 8252 §7.3);
 *       private-use schemes ({@code com.example.app:/callback}, RFC 8252 §7.1) match exactly;
 *       an unknown client or a mismatched redirect URI gets an error page, never a redirect;
 *   <li>scope: negotiated with the client's allowed scopes, then validated (SMART grammar);
 *   <li>aud: required, one of the configured FHIR bases;
 *   <li>PKCE: Spring's check, S256 only, required when the client has requireProofKey;
 *   <li>consent: Spring's rule, except a demo launch's skip_consent ({@link ConsentRequirement}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationEndpointConfig {

  static final String CONSENT_PAGE = "/oauth2/consent";

  @Bean
  Customizer<OAuth2AuthorizationEndpointConfigurer> authorizationEndpoint(
      AuthServerProperties properties,
      RegisteredClientRepository clients,
      LaunchContextBinding launchContexts,
      RememberedConsent consents,
      EhrLaunchValidator ehrLaunch,
      DemoLaunchShortcuts demoLaunchShortcuts) {
    return endpoint ->
        endpoint
            .consentPage(CONSENT_PAGE)
            .authorizationRequestConverters(
                converters ->
                    converters.replaceAll(
                        converter ->
                            converter instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter
                                ? new ScopeNegotiation(converter, clients)
                                : converter))
            .authenticationProviders(
                providers ->
                    providers.forEach(
                        provider -> {
                          if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider requests) {
                            requests.setAuthenticationValidator(
                                OAuth2AuthorizationCodeRequestAuthenticationValidator
                                    .DEFAULT_REDIRECT_URI_VALIDATOR
                                    .andThen(new SmartScopeValidator())
                                    .andThen(new AudienceValidator(properties.fhirBaseUrls()))
                                    .andThen(ehrLaunch));
                            requests.setAuthorizationConsentRequired(
                                new ConsentRequirement(demoLaunchShortcuts));
                          }
                        }))
            .authorizationResponseHandler(new AuthorizationResponse(launchContexts, consents));
  }
}
