package org.careconnect.smart.fhir.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class DemoDataPropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DemoDataProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Properties.class);

  @Test
  void aSizeUpTo100000IsAccepted() {
    context
        .withPropertyValues("careconnect.demo.patients=100000", "careconnect.demo.seed=9")
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              assertThat(started.getBean(DemoDataProperties.class))
                  .isEqualTo(new DemoDataProperties(100_000, 9));
            });
  }

  @Test
  void moreThan100000PatientsStopTheStartWithAClearError() {
    context
        .withPropertyValues("careconnect.demo.patients=100001", "careconnect.demo.seed=9")
        .run(
            started -> {
              assertThat(started).hasFailed();
              assertThat(started.getStartupFailure())
                  .rootCause()
                  .hasMessage(
                      "careconnect.demo.patients (CARECONNECT_DEMO_PATIENTS) is 100,001, but the demo"
                          + " loader makes from 1 to 100,000 patients");
            });
  }

  @Test
  void zeroPatientsAreRefused() {
    context
        .withPropertyValues("careconnect.demo.patients=0", "careconnect.demo.seed=9")
        .run(started -> assertThat(started).hasFailed());
  }
}
