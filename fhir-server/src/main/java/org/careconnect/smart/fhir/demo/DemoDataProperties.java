package org.careconnect.smart.fhir.demo;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo data loader ({@code careconnect.demo.*} in application.yaml, or the
 * environment variables {@code CARECONNECT_DEMO_PATIENTS} and {@code CARECONNECT_DEMO_SEED}).
 * The loader itself runs only in the {@code demo} profile.
 *
 * @param patients how many patients to generate, 1 to {@value #MAX_PATIENTS}
 * @param seed the seed of the population: the same seed and size give the same resources
 */
@ConfigurationProperties("careconnect.demo")
public record DemoDataProperties(int patients, long seed) {

  /**
   * The largest population loaded: about four million resources, an hour or so on the embedded
   * database. Larger ones are refused rather than left to fill the disk.
   */
  public static final int MAX_PATIENTS = 100_000;

  public DemoDataProperties {
    if (patients < 1 || patients > MAX_PATIENTS) {
      throw new IllegalArgumentException(
          String.format(
              Locale.UK,
              "careconnect.demo.patients (CARECONNECT_DEMO_PATIENTS) is %,d, but the demo loader"
                  + " makes from 1 to %,d patients",
              patients,
              MAX_PATIENTS));
    }
  }
}
