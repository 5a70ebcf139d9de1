package org.careconnect.smart.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The executable jar carries the pages and the bundled libraries (no CDN at run time). */
class ExecutableJarIT {

  @Test
  void jarWhenPackagedThenHoldsPagesAndBundledLibraries() throws Exception {
    Path jar = Path.of(System.getProperty("sample.app.jar", "target/sample-app-exec.jar"));
    assertThat(Files.isRegularFile(jar)).as("executable jar %s", jar).isTrue();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String entry :
          new String[] {
            "index.html", "launch.html", "js/app.js", "js/launch.js", "css/app.css",
            "vendor/fhir-client.min.js", "vendor/chart.umd.min.js", "vendor/fhirclient.LICENSE.txt"
          }) {
        assertThat(file.getEntry("BOOT-INF/classes/static/" + entry)).as(entry).isNotNull();
      }
    }
  }
}
