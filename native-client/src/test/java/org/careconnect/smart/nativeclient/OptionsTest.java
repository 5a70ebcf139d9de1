package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsWhenNothingGiven() throws Exception {
    Options options = Options.parse(new String[0], Map.of());

    assertThat(options)
        .isEqualTo(new Options("http://localhost:8080/fhir/STU3", "native-app",
            "openid fhirUser launch/patient patient/*.rs offline_access", Duration.ofMinutes(5), true, null));
  }

  @Test
  void flagsWinOverEnvironment() throws Exception {
    Options options = Options.parse(
        new String[] {"--fhir-base", "http://127.0.0.1:1234/fhir/STU3/", "--timeout", "PT2M", "--no-browser"},
        Map.of("SMART_FHIR_BASE", "http://ignored", "SMART_CLIENT_ID", "my-app", "SMART_TIMEOUT", "9"));

    assertThat(options.fhirBase()).isEqualTo("http://127.0.0.1:1234/fhir/STU3");
    assertThat(options.clientId()).isEqualTo("my-app");
    assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.openBrowser()).isFalse();
  }

  @Test
  void refusedWhenWrong() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--timeout", "soon"}, Map.of()))
        .hasMessage("--timeout must be seconds or an ISO-8601 duration such as PT2M: soon");
    assertThatThrownBy(() -> Options.parse(new String[] {"--timeout", "0"}, Map.of()))
        .hasMessage("--timeout must be positive: 0");
    assertThatThrownBy(() -> Options.parse(new String[] {"--scope"}, Map.of())).hasMessage("--scope needs a value");
    assertThatThrownBy(() -> Options.parse(new String[] {"--secret", "x"}, Map.of()))
        .hasMessage("unknown option --secret");
    assertThatThrownBy(() -> Options.parse(new String[] {"--fhir-base", "localhost:8080"}, Map.of()))
        .hasMessage("--fhir-base must be an http(s) URL: localhost:8080");
    assertThatThrownBy(() -> Options.parse(new String[] {"--ca-file", "/no/such/ca.crt"}, Map.of()))
        .hasMessage("--ca-file is not a readable file: /no/such/ca.crt");
  }
}
