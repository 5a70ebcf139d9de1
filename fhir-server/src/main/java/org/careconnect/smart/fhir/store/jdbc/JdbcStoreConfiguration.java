package org.careconnect.smart.fhir.store.jdbc;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.careconnect.smart.fhir.search.ResourceSearchParameters;
import org.careconnect.smart.fhir.search.SearchParameterRegistry;
import org.careconnect.smart.fhir.store.ResourceStore;
import org.careconnect.smart.fhir.store.ResourceStores;
import org.careconnect.smart.fhir.store.StoreTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses the store of each resource type: a {@link ResourceStore} bean the deployment supplies
 * for that type (its own system behind the seam) wins; every other type gets the relational store.
 */
@Configuration(proxyBeanMethods = false)
class JdbcStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(JdbcStoreConfiguration.class);

  @Bean
  StoreTransactions storeTransactions(PlatformTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    return new StoreTransactions() {
      @Override
      public <R> R inTransaction(java.util.function.Supplier<R> work) {
        return template.execute(status -> work.get());
      }
    };
  }

  @Bean
  Clock storeClock() {
    return Clock.systemUTC();
  }

  @Bean
  ResourceStores resourceStores(
      ObjectProvider<ResourceStore<?>> suppliedStores,
      SearchParameterRegistry registry,
      JdbcTemplate jdbc,
      FhirContext fhirContext,
      StoreTransactions transactions,
      Clock storeClock,
      @Value("${careconnect.fhir.store.cache-json-characters}") long cacheJsonCharacters) {
    ParsedResourceCache cache = new ParsedResourceCache(cacheJsonCharacters);
    List<ResourceStore<?>> stores = new ArrayList<>(suppliedStores.orderedStream().toList());
    Set<String> supplied =
        stores.stream().map(s -> s.resourceType().getSimpleName()).collect(Collectors.toSet());
    supplied.forEach(type -> log.info("{} is served by a supplied store, not the relational one", type));
    for (ResourceSearchParameters<?> parameters : registry.all()) {
      if (!supplied.contains(parameters.typeName())) {
        stores.add(jdbcStore(parameters, jdbc, fhirContext, transactions, storeClock, cache));
      }
    }
    return new ResourceStores(stores);
  }

  private static <T extends org.hl7.fhir.dstu3.model.Resource> ResourceStore<T> jdbcStore(
      ResourceSearchParameters<T> parameters,
      JdbcTemplate jdbc,
      FhirContext fhirContext,
      StoreTransactions transactions,
      Clock clock,
      ParsedResourceCache cache) {
    return new JdbcResourceStore<>(jdbc, fhirContext, transactions, parameters, clock, cache);
  }
}
