package org.careconnect.smart.service.mariadb;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In the MariaDB test executions, every Spring test context gets a fresh MariaDB database of its
 * own in place of the in-memory H2 its test names (registered in META-INF/spring.factories; the
 * executions also include the {@code mysql} profile). Outside them it does nothing.
 */
public final class MariaDbContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return MariaDbTestDatabase.enabled() ? new FreshDatabase() : null;
  }

  /** All equal, so Spring's context cache shares contexts exactly as it does on H2. */
  private static final class FreshDatabase implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      // First: wins over the test's own spring.datasource.url (an H2 URL).
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
          "mariadb-test-database",
          Map.of(
              "spring.datasource.url", MariaDbTestDatabase.freshDatabaseUrl("context"),
              "spring.datasource.username", MariaDbTestDatabase.USERNAME,
              "spring.datasource.password", MariaDbTestDatabase.PASSWORD)));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FreshDatabase;
    }

    @Override
    public int hashCode() {
      return FreshDatabase.class.hashCode();
    }
  }
}
