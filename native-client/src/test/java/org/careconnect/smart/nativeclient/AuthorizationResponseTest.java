package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthorizationResponseTest {

  private final State state = new State("s-123_abc");

  @Test
  void codeWhenStateMatches() throws Exception {
    assertThat(AuthorizationResponse.parse("code=c%2Fde%3D&state=s-123_abc", state).code()).isEqualTo("c/de=");
  }

  @Test
  void refusedWhenStateDiffersOrIsMissing() {
    for (String query : new String[] {"code=abc&state=s-123_abd", "code=abc", "code=abc&state=", null}) {
      assertThatThrownBy(() -> AuthorizationResponse.parse(query, state))
          .as(query)
          .isInstanceOf(FlowFailure.class)
          .hasMessage(
              "The redirect's state does not match this request's (RFC 6749 §10.12): it was not"
                  + " caused by this client, so it is ignored.");
    }
  }

  @Test
  void stateCheckedBeforeTheErrorSoAForgedDenialIsIgnoredToo() {
    assertThatThrownBy(() -> AuthorizationResponse.parse("error=access_denied&state=other", state))
        .hasMessageContaining("state does not match");
  }

  @Test
  void accessDeniedWhenTheUserRefused() {
    assertThatThrownBy(() -> AuthorizationResponse.parse("error=access_denied&state=s-123_abc", state))
        .isInstanceOf(FlowFailure.class)
        .hasMessage(
            "Access denied: the authorisation was refused or consent was not given (error=access_denied).");
  }

  @Test
  void otherErrorsNamedWithTheirDescription() {
    assertThatThrownBy(
            () -> AuthorizationResponse.parse(
                "error=invalid_scope&error_description=OAuth+2.0+Parameter%3A+scope&state=s-123_abc", state))
        .hasMessage("The authorisation server refused the request: error=invalid_scope (OAuth 2.0 Parameter: scope)");
  }

  @Test
  void refusedWhenNeitherCodeNorError() {
    assertThatThrownBy(() -> AuthorizationResponse.parse("state=s-123_abc", state))
        .hasMessage("The redirect carries neither a code nor an error (RFC 6749 §4.1.2).");
  }

  @Test
  void refusedWhenQueryIsMalformed() {
    assertThatThrownBy(() -> AuthorizationResponse.parse("code=%zz&state=s-123_abc", state))
        .isInstanceOf(FlowFailure.class)
        .hasMessageStartingWith("The redirect's query is not valid URL encoding");
  }

  @Test
  void firstOfARepeatedParameterWins() {
    assertThat(AuthorizationResponse.query("state=a&state=b")).containsEntry("state", "a");
  }
}
