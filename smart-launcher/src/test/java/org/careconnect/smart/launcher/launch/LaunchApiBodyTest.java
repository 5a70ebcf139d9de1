package org.careconnect.smart.launcher.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launch API body: demo options only when asked for, under the auth server's field names. */
class LaunchApiBodyTest {

  @Test
  void bodyWhenDemoOptionsChosenThenSimulatedErrorAndShortcutsSent() {
    LaunchApi.Context context =
        new LaunchApi.Context("sample-app", "demo-pat-1", "", "Practitioner/p1", true, "",
            SimulatedError.EXPIRED_TOKEN.serverValue(), true, true);

    assertThat(context.body())
        .containsEntry("simulated_error", "expired_token")
        .containsEntry("skip_login", true)
        .containsEntry("skip_consent", true);
  }

  @Test
  void bodyWhenNoDemoOptionThenNoneOfTheirFieldsSoANonDemoServerAcceptsIt() {
    LaunchApi.Context context =
        new LaunchApi.Context("sample-app", "demo-pat-1", "", "Practitioner/p1", true, "",
            SimulatedError.INVALID_LAUNCH.serverValue(), false, false);

    assertThat(context.body())
        .containsOnlyKeys("client_id", "patient", "user", "need_patient_banner");
  }

  @Test
  void serverValueWhenEachSimulatedErrorThenOnlyTheServerMadeOnesHaveOne() {
    assertThat(SimulatedError.INVALID_SCOPE.serverValue()).isEqualTo("invalid_scope");
    assertThat(SimulatedError.MISSING_PKCE.serverValue()).isEqualTo("missing_pkce");
    assertThat(SimulatedError.NONE.serverValue()).isNull();
    assertThat(SimulatedError.INVALID_CLIENT.serverValue()).isNull();
  }
}
