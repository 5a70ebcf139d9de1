package org.careconnect.smart.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.careconnect.smart.auth.support.AuthServerIntegrationTest;
import org.careconnect.smart.auth.support.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** RFC 7591 §3 open registration (careconnect.registration.open, on in the demo profile). */
@AuthServerIntegrationTest
@TestPropertySource(properties = "careconnect.registration.open=true")
class OpenRegistrationTest {

  @LocalServerPort int port;

  @Test
  void createdWhenRegistrationOpenAndNoInitialAccessTokenThenRegistered() {
    HttpResponse<String> response =
        new Registrar(new Browser(port)).register(Registrar.publicApp(), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
