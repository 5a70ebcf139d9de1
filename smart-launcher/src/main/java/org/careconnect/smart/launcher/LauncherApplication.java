package org.careconnect.smart.launcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SMART launcher: an EHR simulator that launches SMART apps against our servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LauncherApplication {

  public static void main(String[] args) {
    SpringApplication.run(LauncherApplication.class, args);
  }
}
