package org.careconnect.smart.service.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class HttpsRedirectFilterTest {

  private final HttpsRedirectFilter filter = new HttpsRedirectFilter(8443, List.of("/open/"));

  @Test
  void aGetOverHttpIsMovedPermanentlyToTheSamePathAndQueryOnHttps() throws Exception {
    MockHttpServletRequest request = request("GET", "/fhir/STU3/Patient");
    request.setQueryString("name=%C3%A9&_count=2");

    MockHttpServletResponse response = run(request);

    assertThat(response.getStatus()).isEqualTo(301);
    assertThat(response.getHeader("Location")).isEqualTo("https://localhost:8443/fhir/STU3/Patient?name=%C3%A9&_count=2");
    assertThat(response.getContentAsString()).isEmpty();
  }

  @Test
  void aPostOverHttpKeepsItsMethodWith308() throws Exception {
    MockHttpServletResponse response = run(request("POST", "/oauth2/token"));

    assertThat(response.getStatus()).isEqualTo(308);
    assertThat(response.getHeader("Location")).isEqualTo("https://localhost:8443/oauth2/token");
  }

  @Test
  void theDefaultHttpsPortIsLeftOutAndAnIpv6HostIsBracketed() throws Exception {
    HttpsRedirectFilter onDefaultPort = new HttpsRedirectFilter(443, List.of());
    MockHttpServletRequest request = request("GET", "/");
    request.setServerName("::1");
    MockHttpServletResponse response = new MockHttpServletResponse();

    onDefaultPort.doFilter(request, response, new MockFilterChain());

    assertThat(response.getHeader("Location")).isEqualTo("https://[::1]/");
  }

  @Test
  void healthProbesTheGivenPathsAndHttpsAreServed() throws Exception {
    MockHttpServletRequest secure = request("GET", "/fhir/STU3/Patient");
    secure.setSecure(true);
    for (MockHttpServletRequest request :
        List.of(request("GET", "/actuator/health"), request("GET", "/actuator/health/readiness"),
            request("GET", "/open/fhir/STU3/metadata"), secure)) {
      MockFilterChain chain = new MockFilterChain();
      MockHttpServletResponse response = new MockHttpServletResponse();

      filter.doFilter(request, response, chain);

      assertThat(chain.getRequest()).as(request.getRequestURI()).isNotNull();
      assertThat(response.getStatus()).isEqualTo(200);
    }
  }

  @Test
  void aLookAlikeOfTheHealthPathIsRedirected() throws Exception {
    assertThat(run(request("GET", "/actuator/healthz")).getStatus()).isEqualTo(301);
  }

  private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    assertThat(chain.getRequest()).as("redirected, not served").isNull();
    return response;
  }

  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServerName("localhost");
    return request;
  }
}
