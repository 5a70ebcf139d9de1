package org.careconnect.smart.launcher.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.careconnect.smart.launcher.LauncherProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** One setting moves the stack (README "The stack's URLs"): the launcher's URLs follow. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "CARECONNECT_AUTH_URL=https://ehr.example.test:9443",
      "CARECONNECT_FHIR_URL=https://ehr.example.test:8443",
      "CARECONNECT_LAUNCHER_URL=https://ehr.example.test:9543",
      "CARECONNECT_APP_URL=https://ehr.example.test:9643"
    })
class PublicUrlsTest {

  @Autowired LauncherProperties properties;

  @Test
  void authFhirAndAppUrlsFollowTheMovedUrls() {
    assertThat(properties.authBase()).isEqualTo("https://ehr.example.test:9443");
    assertThat(properties.fhirBase()).isEqualTo("https://ehr.example.test:8443/fhir/STU3");
    assertThat(properties.apps().get(0).launchUrl()).isEqualTo("https://ehr.example.test:9643/launch.html");
  }
}
