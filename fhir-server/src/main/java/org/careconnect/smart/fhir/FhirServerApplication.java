package org.careconnect.smart.fhir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The CareConnect SMART FHIR server: Care Connect (FHIR STU3) over a replaceable store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class FhirServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(FhirServerApplication.class, args);
  }
}
