package org.careconnect.smart.auth.launch;

/**
 * The demo-profile options of one EHR launch (V60): a simulated error, or the launcher's
 * shortcuts that sign the launch's demo user in and approve the requested scopes for them.
 *
 * @param simulatedError the error its app will meet, or null
 * @param skipLogin sign the launch's user in for this launch's authorization request
 * @param skipConsent grant the requested (already client-narrowed) scopes without the consent page
 */
record DemoLaunchOptions(SimulatedError simulatedError, boolean skipLogin, boolean skipConsent) {

  static final DemoLaunchOptions NONE = new DemoLaunchOptions(null, false, false);

  boolean simulates(SimulatedError error) {
    return simulatedError == error;
  }
}
