package org.careconnect.smart.service.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

  private final RequestIdFilter filter = new RequestIdFilter();

  @Test
  void anAcceptableIncomingIdIsKeptAnsweredAndInTheMdcWhileTheRequestRuns() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    request.addHeader(RequestIds.HEADER, "abc-123");
    AtomicReference<String> seen = new AtomicReference<>();
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, (req, res) -> seen.set(RequestIds.current().orElseThrow()));

    assertThat(seen).hasValue("abc-123");
    assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("abc-123");
    assertThat(RequestIds.current()).as("cleared after the request").isEmpty();
  }

  @Test
  void anIdThatCouldForgeLogLinesIsReplacedEverywhereLaterCodeLooks() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    request.addHeader(RequestIds.HEADER, "abc\nFAKE LOG LINE");
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, chain);

    String answered = response.getHeader(RequestIds.HEADER);
    assertThat(answered).matches("[0-9a-f-]{36}");
    MockHttpServletRequest passedOn = (MockHttpServletRequest) ((jakarta.servlet.http.HttpServletRequestWrapper) chain.getRequest()).getRequest();
    assertThat(passedOn.getHeader(RequestIds.HEADER)).as("the original is untouched").contains("FAKE");
    jakarta.servlet.http.HttpServletRequest wrapped = (jakarta.servlet.http.HttpServletRequest) chain.getRequest();
    assertThat(wrapped.getHeader(RequestIds.HEADER)).isEqualTo(answered);
    assertThat(Collections.list(wrapped.getHeaders("x-request-id"))).containsExactly(answered);
  }

  @Test
  void onlyVisibleAsciiUpTo64CharactersIsAccepted() {
    assertThat(RequestIds.acceptOrCreate("a".repeat(64))).isEqualTo("a".repeat(64));
    assertThat(RequestIds.acceptOrCreate("a".repeat(65))).isNotEqualTo("a".repeat(65));
    assertThat(RequestIds.acceptOrCreate("with space")).isNotEqualTo("with space");
    assertThat(RequestIds.acceptOrCreate("é")).isNotEqualTo("é");
    assertThat(RequestIds.acceptOrCreate(null)).matches("[0-9a-f-]{36}");
  }

  @Test
  void newIdsAreVersionFourUuidsAndDistinct() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = RequestIds.newId();
      java.util.UUID parsed = java.util.UUID.fromString(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }
}
