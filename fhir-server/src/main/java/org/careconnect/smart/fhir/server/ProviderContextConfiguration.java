package org.careconnect.smart.fhir.server;

import org.careconnect.smart.fhir.search.SearchQueryParser;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.validation.ValidateOperation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProviderContextConfiguration {

  @Bean
  CareConnectResourceProvider.ProviderContext providerContext(
      ResourceStores stores,
      ResourceWrites writes,
      SearchQueryParser queryParser,
      ResultSets resultSets,
      ValidateOperation validateOperation) {
    return new CareConnectResourceProvider.ProviderContext(stores, writes, queryParser, resultSets, validateOperation);
  }
}
