package org.careconnect.smart.nativeclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The callback as a browser reaches it: over HTTP on 127.0.0.1 and an ephemeral port. */
class LoopbackListenerTest {

  private final HttpClient browser = HttpClient.newHttpClient();
  private final State state = new State("expected-state");

  @Test
  void codeAndCloseThisWindowPageWhenTheRedirectArrives() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start(state)) {
      assertThat(listener.redirectUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/callback");

      HttpResponse<String> page = get(listener.redirectUri() + "?code=the-code&state=expected-state");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("You can close this window");
      assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(listener.await(Duration.ofSeconds(5)).code()).isEqualTo("the-code");
      assertThat(get(listener.redirectUri() + "?code=second&state=expected-state").statusCode()).isEqualTo(409);
    }
  }

  @Test
  void failureAndItsMessageOnThePageWhenAccessDenied() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start(state)) {
      HttpResponse<String> page = get(listener.redirectUri() + "?error=access_denied&state=expected-state");

      assertThat(page.statusCode()).isEqualTo(400);
      assertThat(page.body()).contains("Access denied").contains("You can close this window");
      assertThatThrownBy(() -> listener.await(Duration.ofSeconds(5)))
          .isInstanceOf(FlowFailure.class)
          .hasMessageStartingWith("Access denied");
    }
  }

  @Test
  void otherPathsAreNotTheCallback() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start(state)) {
      URI other = listener.redirectUri().resolve("/favicon.ico");
      assertThat(get(other.toString()).statusCode()).isEqualTo(404);
      assertThat(get(listener.redirectUri() + "extra?code=x&state=expected-state").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void timeoutNamesTheOptionWhenNoBrowserComes() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start(state)) {
      assertThatThrownBy(() -> listener.await(Duration.ofSeconds(1)))
          .isInstanceOf(FlowFailure.class)
          .hasMessage("No answer from the browser within 1 s (--timeout): the sign-in was not finished.");
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
