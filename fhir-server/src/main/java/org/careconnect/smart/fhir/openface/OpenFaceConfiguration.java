package org.careconnect.smart.fhir.openface;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.careconnect.smart.fhir.server.EveryFaceInterceptor;
import org.careconnect.smart.fhir.server.FhirServerProperties;
import org.careconnect.smart.fhir.server.SignedPagingProvider;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The open face of the demo: like the original Care Connect demo site, a read-only FHIR base at
 * /open/fhir/STU3 that needs no token, over the same providers and store as the secured face.
 * Only with {@code careconnect.fhir.open-face.enabled=true} and only in the {@code demo} profile,
 * whose data is synthetic: enabled anywhere else, the server refuses to start, because the open
 * face would publish real records to anyone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "careconnect.fhir.open-face", name = "enabled", havingValue = "true")
class OpenFaceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(OpenFaceConfiguration.class);

  static final String PATH = "/open/fhir/STU3";

  OpenFaceConfiguration(Environment environment) {
    if (!environment.acceptsProfiles(Profiles.of("demo"))) {
      throw new IllegalStateException("careconnect.fhir.open-face.enabled=true (CARECONNECT_FHIR_OPEN_FACE_ENABLED)"
          + " needs the demo profile: the open face serves every record without a token, so it may only ever"
          + " serve the synthetic demo population. Switch it off, or start with SPRING_PROFILES_ACTIVE=demo.");
    }
    log.warn("The open demo face is on: {} serves the synthetic data read-only to anyone, without a token", PATH);
  }

  @Bean
  ServletRegistrationBean<OpenFaceServer> openFaceServlet(
      FhirContext fhirContext,
      List<IResourceProvider> resourceProviders,
      ResourceStores stores,
      List<EveryFaceInterceptor> interceptors,
      SignedPagingProvider paging,
      FhirServerProperties properties) {
    // only the types of the store: the audit trail (AuditEvent) is never on the open face
    List<IResourceProvider> served = resourceProviders.stream()
        .filter(provider -> stores.serves(provider.getResourceType().getSimpleName()))
        .toList();
    OpenFaceServer server = new OpenFaceServer(
        fhirContext, served, interceptors, paging.forFace("open"), openBaseUrl(properties.publicBaseUrl()));
    ServletRegistrationBean<OpenFaceServer> registration = new ServletRegistrationBean<>(server, PATH + "/*");
    registration.setName("fhir-stu3-open");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** The open face's base beside the secured one: .../fhir/STU3 becomes .../open/fhir/STU3. */
  static String openBaseUrl(String securedBaseUrl) {
    if (securedBaseUrl == null || securedBaseUrl.isBlank()) {
      return null;
    }
    String base = securedBaseUrl.replaceAll("/+$", "");
    return base.endsWith("/fhir/STU3") ? base.substring(0, base.length() - "/fhir/STU3".length()) + PATH : null;
  }
}
