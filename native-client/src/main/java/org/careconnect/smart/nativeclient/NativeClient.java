package org.careconnect.smart.nativeclient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;

/**
 * A SMART app as a native (command-line) app, the pattern of RFC 8252 "OAuth 2.0 for Native Apps"
 * for mobile and desktop apps: discover the endpoints, ask in the system browser (§4.1), receive
 * the code on a loopback redirect (§7.3), prove possession with PKCE (§6), then read the patient.
 * Exit status 0 on success, 1 when a step fails (the last line says which and why), 2 for a wrong
 * command line.
 */
public final class NativeClient {

  private NativeClient() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (Options.UsageException e) {
      if (e.getMessage() == null) {
        out.print(Options.USAGE);
        return 0;
      }
      err.println("error: " + e.getMessage());
      err.print(Options.USAGE);
      return 2;
    }
    try {
      PatientSummary patient = flow(options, out);
      out.println("Name: " + patient.name());
      out.println("NHS number: " + patient.nhsNumber());
      return 0;
    } catch (FlowFailure e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return 1;
    }
  }

  private static PatientSummary flow(Options options, PrintStream out) throws FlowFailure, InterruptedException {
    Http http = new Http(CaTrust.of(options.caFile()));
    SmartConfiguration config = SmartConfiguration.discover(http, options.fhirBase());
    out.println("Authorization endpoint: " + config.authorizationEndpoint());

    SecureRandom random = new SecureRandom();
    Pkce pkce = Pkce.generate(random);
    State state = State.generate(random);
    try (LoopbackListener listener = listen(state)) {
      URI redirectUri = listener.redirectUri();
      out.println("Waiting for the redirect on " + redirectUri + " (up to " + options.timeout().toSeconds() + " s)");
      SystemBrowser.open(
          AuthorizationRequest.uri(config.authorizationEndpoint(), options, redirectUri, state, pkce),
          options.openBrowser(),
          out);
      AuthorizationResponse response = listener.await(options.timeout());
      out.println("Authorization code received.");

      TokenResponse token =
          TokenExchange.exchange(http, config.tokenEndpoint(), options.clientId(), response.code(), redirectUri, pkce);
      out.println("Access token: " + Redaction.truncate(token.accessToken())
          + ", expires in " + token.expiresIn() + " s, scope: " + token.scope());
      out.println("Refresh token: " + (token.refreshToken() ? "received (not shown)" : "none"));
      PatientSummary patient = PatientReader.read(http, options.fhirBase(), token);
      out.println("Patient: Patient/" + token.patient());
      return patient;
    }
  }

  private static LoopbackListener listen(State state) throws FlowFailure {
    try {
      return LoopbackListener.start(state);
    } catch (IOException e) {
      throw new FlowFailure("Could not listen on 127.0.0.1 for the redirect: " + e.getMessage(), e);
    }
  }
}
