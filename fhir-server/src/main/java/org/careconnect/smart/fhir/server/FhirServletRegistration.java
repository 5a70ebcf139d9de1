package org.careconnect.smart.fhir.server;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FhirServletRegistration {

  /** The STU3 base path; an R4 (UK Core) face can later sit beside it at /fhir/R4. */
  static final String STU3_PATH = "/fhir/STU3";

  @Bean
  ServletRegistrationBean<CareConnectRestfulServer> stu3Servlet(CareConnectRestfulServer server) {
    ServletRegistrationBean<CareConnectRestfulServer> registration =
        new ServletRegistrationBean<>(server, STU3_PATH + "/*");
    registration.setName("fhir-stu3");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
