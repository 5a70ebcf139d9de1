package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.IVersionSpecificBundleFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FhirContextConfiguration {

  /**
   * One STU3 context for the whole server (it is expensive to build and thread-safe). The strict
   * error handler makes the parser refuse unknown elements and invalid values with a 400, rather
   * than dropping them: a write must never lose data silently. Bundles are built by {@link
   * ExplicitEntriesBundleFactory}, which skips HAPI's search of every resource for attached ones.
   * The parser does not look for resources to contain (auto-contain off): every resource here comes
   * from JSON or XML, whose contained resources are already in {@code contained}; the search for
   * others walked every element of every answer, a third of the time spent encoding a search
   * Bundle (JFR).
   */
  @Bean
  FhirContext fhirContext() {
    FhirContext context = new FhirContext(FhirVersionEnum.DSTU3) {
      @Override
      public IVersionSpecificBundleFactory newBundleFactory() {
        return new ExplicitEntriesBundleFactory(this);
      }
    };
    context.setParserErrorHandler(new StrictErrorHandler());
    context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    return context;
  }
}
