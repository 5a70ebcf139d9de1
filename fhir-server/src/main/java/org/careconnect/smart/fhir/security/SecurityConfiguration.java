package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.careconnect.smart.fhir.operations.TokenRefusalMetrics;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.careconnect.smart.fhir.server.PagingBinding;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.service.tls.OutboundTls;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;

/**
 * SMART on FHIR enforcement of the STU3 face, on unless {@code careconnect.fhir.security.enabled}
 * is false. In front of HAPI, in this order: CORS (answers preflights, adds its headers to every
 * answer, 401 and 403 included), then the bearer token. Inside HAPI, through one interceptor
 * ({@link SmartEnforcementHooks}): search narrowing, the scope rules, granular-scope consent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "careconnect.fhir.security.enabled", havingValue = "true", matchIfMissing = true)
class SecurityConfiguration {

  static final String FHIR_PATHS = "/fhir/*";

  @Bean
  FilterRegistrationBean<FhirCorsFilter> fhirCorsFilter(SecurityProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.allowedOrigins());
    // What a fhirclient app sends and reads (stack-facts: authorization, content-type, accept, prefer).
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"));
    cors.setAllowedHeaders(List.of("authorization", "content-type", "accept", "prefer",
        "if-match", "if-none-exist", "if-none-match", "if-modified-since"));
    cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified", "WWW-Authenticate"));
    cors.setMaxAge(3600L);
    // The filter is mapped to /fhir/* only; inside it every path is a FHIR path, so the
    // configuration needs no lookup by path (a path-matching source parsed every request's path).
    FilterRegistrationBean<FhirCorsFilter> registration = new FilterRegistrationBean<>(new FhirCorsFilter(cors));
    registration.addUrlPatterns(FHIR_PATHS);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setName("fhir-cors");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  TokenVerifier tokenVerifier(SecurityProperties properties, OutboundTls tls) {
    return new TokenVerifier(properties, tls.sslContext());
  }

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TokenVerifier verifier, ScopeRules rules,
      SecurityProperties properties, FhirContext fhirContext, TokenRefusalMetrics refusals) {
    VerifiedTokens verifiedTokens = new VerifiedTokens(properties.tokenCacheSize(), properties.clockSkew(),
        Clock.systemUTC());
    FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(
        verifier, rules, verifiedTokens, new BearerChallenges(fhirContext), refusals));
    registration.addUrlPatterns(FHIR_PATHS);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setName("fhir-bearer-token");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Exact mapping: wins over HAPI's {@code /fhir/STU3/*} (Servlet 6.0 §12.2). */
  @Bean
  ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(
      SecurityProperties properties, OutboundTls tls) {
    ServletRegistrationBean<SmartConfigurationServlet> registration = new ServletRegistrationBean<>(
        new SmartConfigurationServlet(properties.smartConfigurationUri(), Clock.systemUTC(), tls.sslContext()),
        "/fhir/STU3" + SmartConfigurationServlet.PATH);
    registration.setName("smart-configuration");
    return registration;
  }

  @Bean
  ScopeRules scopeRules(FhirContext fhirContext, ResourceStores stores) {
    return new ScopeRules(fhirContext, Set.copyOf(stores.typeNames()));
  }

  /** HAPI's narrowing, authorisation and consent, reached by HAPI through one interceptor. */
  @Bean
  FhirServerInterceptor smartEnforcementHooks(ScopeRules rules, SearchParameterRegistry registry,
      TokenRefusalMetrics refusals, FhirContext fhirContext) {
    return new SmartEnforcementHooks(
        new SmartAuthorizationInterceptor(refusals, new ReadRuleShortcut(fhirContext)),
        new SmartSearchNarrowing(rules, fhirContext),
        new ConsentInterceptor(new GranularScopeConsent(registry)));
  }

  @Bean
  FhirServerInterceptor smartCapabilityStatement(SecurityProperties properties) {
    return new SmartCapabilityStatement(properties.issuer());
  }

  /** Page links belong to the token's user and client (and launch patient). */
  @Bean
  PagingBinding tokenPagingBinding() {
    return request -> {
      TokenPermissions token = TokenPermissions.of(request);
      return token == null ? "" : token.pagingBinding();
    };
  }
}
