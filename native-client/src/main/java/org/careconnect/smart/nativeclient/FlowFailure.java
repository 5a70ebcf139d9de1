package org.careconnect.smart.nativeclient;

/**
 * A step of the flow failed; the message is for the person at the terminal (it names the step
 * and, where there is one, the rule broken), and becomes the client's last line before a non-zero
 * exit.
 */
final class FlowFailure extends Exception {

  FlowFailure(String message) {
    super(message);
  }

  FlowFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
