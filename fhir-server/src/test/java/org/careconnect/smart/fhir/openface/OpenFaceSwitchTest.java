package org.careconnect.smart.fhir.openface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.careconnect.smart.fhir.FhirServerApplication;
import org.careconnect.smart.fhir.support.FhirServerIntegrationTest;
import org.careconnect.smart.fhir.support.FhirTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The open face is off unless switched on, and can't be switched on outside the demo profile. */
@FhirServerIntegrationTest
class OpenFaceSwitchTest {

  @LocalServerPort int port;

  @Test
  void byDefaultThereIsNoOpenFace404() {
    HttpResponse<String> response =
        new FhirTestClient(port).get("http://localhost:" + port + "/open/fhir/STU3/metadata");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("CapabilityStatement");
  }

  @Test
  void enabledWithoutTheDemoProfileThenTheServerRefusesToStart() {
    SpringApplicationBuilder application = new SpringApplicationBuilder(FhirServerApplication.class).profiles("test");

    // command-line arguments, as a deployment would set it: above application.yaml's default
    assertThatThrownBy(() -> application.run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:mem:fhir-open-face-refused;MODE=MySQL;DB_CLOSE_DELAY=-1",
            "--careconnect.fhir.open-face.enabled=true").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("careconnect.fhir.open-face.enabled=true (CARECONNECT_FHIR_OPEN_FACE_ENABLED) needs the demo"
            + " profile: the open face serves every record without a token, so it may only ever serve the synthetic"
            + " demo population. Switch it off, or start with SPRING_PROFILES_ACTIVE=demo.");
  }
}
