package org.careconnect.smart.sampleapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Serves the sample SMART app: static pages and scripts (all the SMART work happens in the
 * browser, in fhirclient), {@code config.json} and the security headers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleAppApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleAppApplication.class, args);
  }
}
