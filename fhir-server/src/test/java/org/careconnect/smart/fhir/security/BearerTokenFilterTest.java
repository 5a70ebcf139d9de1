package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests pass without a token, as the servlet container presents them. */
class BearerTokenFilterTest {

  private final BearerTokenFilter filter =
      new BearerTokenFilter(null, new BearerChallenges(FhirContext.forDstu3Cached()));

  @Test
  void smartConfigurationWhenNoTokenThenPassedOnUnderItsExactServletMapping() throws Exception {
    // exact mapping /fhir/STU3/.well-known/smart-configuration: servlet path is all, no path info
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/STU3/.well-known/smart-configuration");
    request.setServletPath("/fhir/STU3/.well-known/smart-configuration");
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isSameAs(request);
  }

  @Test
  void readWhenNoTokenThen401() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/STU3/Patient/1");
    request.setServletPath("/fhir/STU3");
    request.setPathInfo("/Patient/1");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(chain.getRequest()).isNull();
  }
}
